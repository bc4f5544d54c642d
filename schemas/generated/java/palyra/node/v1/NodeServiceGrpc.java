package palyra.node.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Pairing, identity and capability traffic between palyrad and node hosts (mTLS port).
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: palyra/v1/node.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class NodeServiceGrpc {

  private NodeServiceGrpc() {}

  public static final String SERVICE_NAME = "palyra.node.v1.NodeService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<palyra.node.v1.Node.BeginPairingSessionRequest,
      palyra.node.v1.Node.BeginPairingSessionResponse> getBeginPairingSessionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BeginPairingSession",
      requestType = palyra.node.v1.Node.BeginPairingSessionRequest.class,
      responseType = palyra.node.v1.Node.BeginPairingSessionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.node.v1.Node.BeginPairingSessionRequest,
      palyra.node.v1.Node.BeginPairingSessionResponse> getBeginPairingSessionMethod() {
    io.grpc.MethodDescriptor<palyra.node.v1.Node.BeginPairingSessionRequest, palyra.node.v1.Node.BeginPairingSessionResponse> getBeginPairingSessionMethod;
    if ((getBeginPairingSessionMethod = NodeServiceGrpc.getBeginPairingSessionMethod) == null) {
      synchronized (NodeServiceGrpc.class) {
        if ((getBeginPairingSessionMethod = NodeServiceGrpc.getBeginPairingSessionMethod) == null) {
          NodeServiceGrpc.getBeginPairingSessionMethod = getBeginPairingSessionMethod =
              io.grpc.MethodDescriptor.<palyra.node.v1.Node.BeginPairingSessionRequest, palyra.node.v1.Node.BeginPairingSessionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BeginPairingSession"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.BeginPairingSessionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.BeginPairingSessionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NodeServiceMethodDescriptorSupplier("BeginPairingSession"))
              .build();
        }
      }
    }
    return getBeginPairingSessionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.node.v1.Node.CompletePairingSessionRequest,
      palyra.node.v1.Node.CompletePairingSessionResponse> getCompletePairingSessionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CompletePairingSession",
      requestType = palyra.node.v1.Node.CompletePairingSessionRequest.class,
      responseType = palyra.node.v1.Node.CompletePairingSessionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.node.v1.Node.CompletePairingSessionRequest,
      palyra.node.v1.Node.CompletePairingSessionResponse> getCompletePairingSessionMethod() {
    io.grpc.MethodDescriptor<palyra.node.v1.Node.CompletePairingSessionRequest, palyra.node.v1.Node.CompletePairingSessionResponse> getCompletePairingSessionMethod;
    if ((getCompletePairingSessionMethod = NodeServiceGrpc.getCompletePairingSessionMethod) == null) {
      synchronized (NodeServiceGrpc.class) {
        if ((getCompletePairingSessionMethod = NodeServiceGrpc.getCompletePairingSessionMethod) == null) {
          NodeServiceGrpc.getCompletePairingSessionMethod = getCompletePairingSessionMethod =
              io.grpc.MethodDescriptor.<palyra.node.v1.Node.CompletePairingSessionRequest, palyra.node.v1.Node.CompletePairingSessionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CompletePairingSession"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.CompletePairingSessionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.CompletePairingSessionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NodeServiceMethodDescriptorSupplier("CompletePairingSession"))
              .build();
        }
      }
    }
    return getCompletePairingSessionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.node.v1.Node.GetPairingRequestStatusRequest,
      palyra.node.v1.Node.GetPairingRequestStatusResponse> getGetPairingRequestStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetPairingRequestStatus",
      requestType = palyra.node.v1.Node.GetPairingRequestStatusRequest.class,
      responseType = palyra.node.v1.Node.GetPairingRequestStatusResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.node.v1.Node.GetPairingRequestStatusRequest,
      palyra.node.v1.Node.GetPairingRequestStatusResponse> getGetPairingRequestStatusMethod() {
    io.grpc.MethodDescriptor<palyra.node.v1.Node.GetPairingRequestStatusRequest, palyra.node.v1.Node.GetPairingRequestStatusResponse> getGetPairingRequestStatusMethod;
    if ((getGetPairingRequestStatusMethod = NodeServiceGrpc.getGetPairingRequestStatusMethod) == null) {
      synchronized (NodeServiceGrpc.class) {
        if ((getGetPairingRequestStatusMethod = NodeServiceGrpc.getGetPairingRequestStatusMethod) == null) {
          NodeServiceGrpc.getGetPairingRequestStatusMethod = getGetPairingRequestStatusMethod =
              io.grpc.MethodDescriptor.<palyra.node.v1.Node.GetPairingRequestStatusRequest, palyra.node.v1.Node.GetPairingRequestStatusResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetPairingRequestStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.GetPairingRequestStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.GetPairingRequestStatusResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NodeServiceMethodDescriptorSupplier("GetPairingRequestStatus"))
              .build();
        }
      }
    }
    return getGetPairingRequestStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.node.v1.Node.RotateDeviceCertificateRequest,
      palyra.node.v1.Node.RotateDeviceCertificateResponse> getRotateDeviceCertificateMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RotateDeviceCertificate",
      requestType = palyra.node.v1.Node.RotateDeviceCertificateRequest.class,
      responseType = palyra.node.v1.Node.RotateDeviceCertificateResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.node.v1.Node.RotateDeviceCertificateRequest,
      palyra.node.v1.Node.RotateDeviceCertificateResponse> getRotateDeviceCertificateMethod() {
    io.grpc.MethodDescriptor<palyra.node.v1.Node.RotateDeviceCertificateRequest, palyra.node.v1.Node.RotateDeviceCertificateResponse> getRotateDeviceCertificateMethod;
    if ((getRotateDeviceCertificateMethod = NodeServiceGrpc.getRotateDeviceCertificateMethod) == null) {
      synchronized (NodeServiceGrpc.class) {
        if ((getRotateDeviceCertificateMethod = NodeServiceGrpc.getRotateDeviceCertificateMethod) == null) {
          NodeServiceGrpc.getRotateDeviceCertificateMethod = getRotateDeviceCertificateMethod =
              io.grpc.MethodDescriptor.<palyra.node.v1.Node.RotateDeviceCertificateRequest, palyra.node.v1.Node.RotateDeviceCertificateResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RotateDeviceCertificate"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.RotateDeviceCertificateRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.RotateDeviceCertificateResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NodeServiceMethodDescriptorSupplier("RotateDeviceCertificate"))
              .build();
        }
      }
    }
    return getRotateDeviceCertificateMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.node.v1.Node.RevokeDevicePairingRequest,
      palyra.node.v1.Node.RevokeDevicePairingResponse> getRevokeDevicePairingMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RevokeDevicePairing",
      requestType = palyra.node.v1.Node.RevokeDevicePairingRequest.class,
      responseType = palyra.node.v1.Node.RevokeDevicePairingResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.node.v1.Node.RevokeDevicePairingRequest,
      palyra.node.v1.Node.RevokeDevicePairingResponse> getRevokeDevicePairingMethod() {
    io.grpc.MethodDescriptor<palyra.node.v1.Node.RevokeDevicePairingRequest, palyra.node.v1.Node.RevokeDevicePairingResponse> getRevokeDevicePairingMethod;
    if ((getRevokeDevicePairingMethod = NodeServiceGrpc.getRevokeDevicePairingMethod) == null) {
      synchronized (NodeServiceGrpc.class) {
        if ((getRevokeDevicePairingMethod = NodeServiceGrpc.getRevokeDevicePairingMethod) == null) {
          NodeServiceGrpc.getRevokeDevicePairingMethod = getRevokeDevicePairingMethod =
              io.grpc.MethodDescriptor.<palyra.node.v1.Node.RevokeDevicePairingRequest, palyra.node.v1.Node.RevokeDevicePairingResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RevokeDevicePairing"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.RevokeDevicePairingRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.RevokeDevicePairingResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NodeServiceMethodDescriptorSupplier("RevokeDevicePairing"))
              .build();
        }
      }
    }
    return getRevokeDevicePairingMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.node.v1.Node.RegisterNodeRequest,
      palyra.node.v1.Node.RegisterNodeResponse> getRegisterNodeMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RegisterNode",
      requestType = palyra.node.v1.Node.RegisterNodeRequest.class,
      responseType = palyra.node.v1.Node.RegisterNodeResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.node.v1.Node.RegisterNodeRequest,
      palyra.node.v1.Node.RegisterNodeResponse> getRegisterNodeMethod() {
    io.grpc.MethodDescriptor<palyra.node.v1.Node.RegisterNodeRequest, palyra.node.v1.Node.RegisterNodeResponse> getRegisterNodeMethod;
    if ((getRegisterNodeMethod = NodeServiceGrpc.getRegisterNodeMethod) == null) {
      synchronized (NodeServiceGrpc.class) {
        if ((getRegisterNodeMethod = NodeServiceGrpc.getRegisterNodeMethod) == null) {
          NodeServiceGrpc.getRegisterNodeMethod = getRegisterNodeMethod =
              io.grpc.MethodDescriptor.<palyra.node.v1.Node.RegisterNodeRequest, palyra.node.v1.Node.RegisterNodeResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RegisterNode"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.RegisterNodeRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.RegisterNodeResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NodeServiceMethodDescriptorSupplier("RegisterNode"))
              .build();
        }
      }
    }
    return getRegisterNodeMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.node.v1.Node.NodeEventRequest,
      palyra.node.v1.Node.NodeEventResponse> getStreamNodeEventsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "StreamNodeEvents",
      requestType = palyra.node.v1.Node.NodeEventRequest.class,
      responseType = palyra.node.v1.Node.NodeEventResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING)
  public static io.grpc.MethodDescriptor<palyra.node.v1.Node.NodeEventRequest,
      palyra.node.v1.Node.NodeEventResponse> getStreamNodeEventsMethod() {
    io.grpc.MethodDescriptor<palyra.node.v1.Node.NodeEventRequest, palyra.node.v1.Node.NodeEventResponse> getStreamNodeEventsMethod;
    if ((getStreamNodeEventsMethod = NodeServiceGrpc.getStreamNodeEventsMethod) == null) {
      synchronized (NodeServiceGrpc.class) {
        if ((getStreamNodeEventsMethod = NodeServiceGrpc.getStreamNodeEventsMethod) == null) {
          NodeServiceGrpc.getStreamNodeEventsMethod = getStreamNodeEventsMethod =
              io.grpc.MethodDescriptor.<palyra.node.v1.Node.NodeEventRequest, palyra.node.v1.Node.NodeEventResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "StreamNodeEvents"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.NodeEventRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.NodeEventResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NodeServiceMethodDescriptorSupplier("StreamNodeEvents"))
              .build();
        }
      }
    }
    return getStreamNodeEventsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.node.v1.Node.ExecuteCapabilityRequest,
      palyra.node.v1.Node.ExecuteCapabilityResponse> getExecuteCapabilityMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ExecuteCapability",
      requestType = palyra.node.v1.Node.ExecuteCapabilityRequest.class,
      responseType = palyra.node.v1.Node.ExecuteCapabilityResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.node.v1.Node.ExecuteCapabilityRequest,
      palyra.node.v1.Node.ExecuteCapabilityResponse> getExecuteCapabilityMethod() {
    io.grpc.MethodDescriptor<palyra.node.v1.Node.ExecuteCapabilityRequest, palyra.node.v1.Node.ExecuteCapabilityResponse> getExecuteCapabilityMethod;
    if ((getExecuteCapabilityMethod = NodeServiceGrpc.getExecuteCapabilityMethod) == null) {
      synchronized (NodeServiceGrpc.class) {
        if ((getExecuteCapabilityMethod = NodeServiceGrpc.getExecuteCapabilityMethod) == null) {
          NodeServiceGrpc.getExecuteCapabilityMethod = getExecuteCapabilityMethod =
              io.grpc.MethodDescriptor.<palyra.node.v1.Node.ExecuteCapabilityRequest, palyra.node.v1.Node.ExecuteCapabilityResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ExecuteCapability"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.ExecuteCapabilityRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.node.v1.Node.ExecuteCapabilityResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NodeServiceMethodDescriptorSupplier("ExecuteCapability"))
              .build();
        }
      }
    }
    return getExecuteCapabilityMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static NodeServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<NodeServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<NodeServiceStub>() {
        @java.lang.Override
        public NodeServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new NodeServiceStub(channel, callOptions);
        }
      };
    return NodeServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static NodeServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<NodeServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<NodeServiceBlockingStub>() {
        @java.lang.Override
        public NodeServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new NodeServiceBlockingStub(channel, callOptions);
        }
      };
    return NodeServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static NodeServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<NodeServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<NodeServiceFutureStub>() {
        @java.lang.Override
        public NodeServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new NodeServiceFutureStub(channel, callOptions);
        }
      };
    return NodeServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Pairing, identity and capability traffic between palyrad and node hosts (mTLS port).
   * </pre>
   */
  public static abstract class NodeServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Starts a PIN or QR pairing session; answers with the gateway's ephemeral key and a challenge.
     * </pre>
     */
    public void beginPairingSession(palyra.node.v1.Node.BeginPairingSessionRequest request,
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.BeginPairingSessionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getBeginPairingSessionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Sends the device keys and signed proof; the certificate follows once an operator approves.
     * </pre>
     */
    public void completePairingSession(palyra.node.v1.Node.CompletePairingSessionRequest request,
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.CompletePairingSessionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCompletePairingSessionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Polls a pairing request that waits for an operator decision.
     * </pre>
     */
    public void getPairingRequestStatus(palyra.node.v1.Node.GetPairingRequestStatusRequest request,
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.GetPairingRequestStatusResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetPairingRequestStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * Issues a new client certificate to a paired device.
     * </pre>
     */
    public void rotateDeviceCertificate(palyra.node.v1.Node.RotateDeviceCertificateRequest request,
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.RotateDeviceCertificateResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRotateDeviceCertificateMethod(), responseObserver);
    }

    /**
     * <pre>
     * Revokes a device so that its certificate is refused from now on.
     * </pre>
     */
    public void revokeDevicePairing(palyra.node.v1.Node.RevokeDevicePairingRequest request,
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.RevokeDevicePairingResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRevokeDevicePairingMethod(), responseObserver);
    }

    /**
     * <pre>
     * Announces a paired node's platform and capabilities.
     * </pre>
     */
    public void registerNode(palyra.node.v1.Node.RegisterNodeRequest request,
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.RegisterNodeResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRegisterNodeMethod(), responseObserver);
    }

    /**
     * <pre>
     * Node events go up and are acknowledged; capability dispatches come down.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<palyra.node.v1.Node.NodeEventRequest> streamNodeEvents(
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.NodeEventResponse> responseObserver) {
      return io.grpc.stub.ServerCalls.asyncUnimplementedStreamingCall(getStreamNodeEventsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Queues a capability request for the calling device and waits for its result.
     * </pre>
     */
    public void executeCapability(palyra.node.v1.Node.ExecuteCapabilityRequest request,
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.ExecuteCapabilityResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getExecuteCapabilityMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getBeginPairingSessionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.node.v1.Node.BeginPairingSessionRequest,
                palyra.node.v1.Node.BeginPairingSessionResponse>(
                  this, METHODID_BEGIN_PAIRING_SESSION)))
          .addMethod(
            getCompletePairingSessionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.node.v1.Node.CompletePairingSessionRequest,
                palyra.node.v1.Node.CompletePairingSessionResponse>(
                  this, METHODID_COMPLETE_PAIRING_SESSION)))
          .addMethod(
            getGetPairingRequestStatusMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.node.v1.Node.GetPairingRequestStatusRequest,
                palyra.node.v1.Node.GetPairingRequestStatusResponse>(
                  this, METHODID_GET_PAIRING_REQUEST_STATUS)))
          .addMethod(
            getRotateDeviceCertificateMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.node.v1.Node.RotateDeviceCertificateRequest,
                palyra.node.v1.Node.RotateDeviceCertificateResponse>(
                  this, METHODID_ROTATE_DEVICE_CERTIFICATE)))
          .addMethod(
            getRevokeDevicePairingMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.node.v1.Node.RevokeDevicePairingRequest,
                palyra.node.v1.Node.RevokeDevicePairingResponse>(
                  this, METHODID_REVOKE_DEVICE_PAIRING)))
          .addMethod(
            getRegisterNodeMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.node.v1.Node.RegisterNodeRequest,
                palyra.node.v1.Node.RegisterNodeResponse>(
                  this, METHODID_REGISTER_NODE)))
          .addMethod(
            getStreamNodeEventsMethod(),
            io.grpc.stub.ServerCalls.asyncBidiStreamingCall(
              new MethodHandlers<
                palyra.node.v1.Node.NodeEventRequest,
                palyra.node.v1.Node.NodeEventResponse>(
                  this, METHODID_STREAM_NODE_EVENTS)))
          .addMethod(
            getExecuteCapabilityMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.node.v1.Node.ExecuteCapabilityRequest,
                palyra.node.v1.Node.ExecuteCapabilityResponse>(
                  this, METHODID_EXECUTE_CAPABILITY)))
          .build();
    }
  }

  /**
   * <pre>
   * Pairing, identity and capability traffic between palyrad and node hosts (mTLS port).
   * </pre>
   */
  public static final class NodeServiceStub extends io.grpc.stub.AbstractAsyncStub<NodeServiceStub> {
    private NodeServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected NodeServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new NodeServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a PIN or QR pairing session; answers with the gateway's ephemeral key and a challenge.
     * </pre>
     */
    public void beginPairingSession(palyra.node.v1.Node.BeginPairingSessionRequest request,
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.BeginPairingSessionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getBeginPairingSessionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Sends the device keys and signed proof; the certificate follows once an operator approves.
     * </pre>
     */
    public void completePairingSession(palyra.node.v1.Node.CompletePairingSessionRequest request,
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.CompletePairingSessionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCompletePairingSessionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Polls a pairing request that waits for an operator decision.
     * </pre>
     */
    public void getPairingRequestStatus(palyra.node.v1.Node.GetPairingRequestStatusRequest request,
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.GetPairingRequestStatusResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetPairingRequestStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Issues a new client certificate to a paired device.
     * </pre>
     */
    public void rotateDeviceCertificate(palyra.node.v1.Node.RotateDeviceCertificateRequest request,
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.RotateDeviceCertificateResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRotateDeviceCertificateMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Revokes a device so that its certificate is refused from now on.
     * </pre>
     */
    public void revokeDevicePairing(palyra.node.v1.Node.RevokeDevicePairingRequest request,
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.RevokeDevicePairingResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRevokeDevicePairingMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Announces a paired node's platform and capabilities.
     * </pre>
     */
    public void registerNode(palyra.node.v1.Node.RegisterNodeRequest request,
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.RegisterNodeResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRegisterNodeMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Node events go up and are acknowledged; capability dispatches come down.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<palyra.node.v1.Node.NodeEventRequest> streamNodeEvents(
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.NodeEventResponse> responseObserver) {
      return io.grpc.stub.ClientCalls.asyncBidiStreamingCall(
          getChannel().newCall(getStreamNodeEventsMethod(), getCallOptions()), responseObserver);
    }

    /**
     * <pre>
     * Queues a capability request for the calling device and waits for its result.
     * </pre>
     */
    public void executeCapability(palyra.node.v1.Node.ExecuteCapabilityRequest request,
        io.grpc.stub.StreamObserver<palyra.node.v1.Node.ExecuteCapabilityResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getExecuteCapabilityMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Pairing, identity and capability traffic between palyrad and node hosts (mTLS port).
   * </pre>
   */
  public static final class NodeServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<NodeServiceBlockingStub> {
    private NodeServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected NodeServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new NodeServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a PIN or QR pairing session; answers with the gateway's ephemeral key and a challenge.
     * </pre>
     */
    public palyra.node.v1.Node.BeginPairingSessionResponse beginPairingSession(palyra.node.v1.Node.BeginPairingSessionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getBeginPairingSessionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Sends the device keys and signed proof; the certificate follows once an operator approves.
     * </pre>
     */
    public palyra.node.v1.Node.CompletePairingSessionResponse completePairingSession(palyra.node.v1.Node.CompletePairingSessionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCompletePairingSessionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Polls a pairing request that waits for an operator decision.
     * </pre>
     */
    public palyra.node.v1.Node.GetPairingRequestStatusResponse getPairingRequestStatus(palyra.node.v1.Node.GetPairingRequestStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetPairingRequestStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Issues a new client certificate to a paired device.
     * </pre>
     */
    public palyra.node.v1.Node.RotateDeviceCertificateResponse rotateDeviceCertificate(palyra.node.v1.Node.RotateDeviceCertificateRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRotateDeviceCertificateMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Revokes a device so that its certificate is refused from now on.
     * </pre>
     */
    public palyra.node.v1.Node.RevokeDevicePairingResponse revokeDevicePairing(palyra.node.v1.Node.RevokeDevicePairingRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRevokeDevicePairingMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Announces a paired node's platform and capabilities.
     * </pre>
     */
    public palyra.node.v1.Node.RegisterNodeResponse registerNode(palyra.node.v1.Node.RegisterNodeRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRegisterNodeMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Queues a capability request for the calling device and waits for its result.
     * </pre>
     */
    public palyra.node.v1.Node.ExecuteCapabilityResponse executeCapability(palyra.node.v1.Node.ExecuteCapabilityRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getExecuteCapabilityMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Pairing, identity and capability traffic between palyrad and node hosts (mTLS port).
   * </pre>
   */
  public static final class NodeServiceFutureStub extends io.grpc.stub.AbstractFutureStub<NodeServiceFutureStub> {
    private NodeServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected NodeServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new NodeServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a PIN or QR pairing session; answers with the gateway's ephemeral key and a challenge.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.node.v1.Node.BeginPairingSessionResponse> beginPairingSession(
        palyra.node.v1.Node.BeginPairingSessionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getBeginPairingSessionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Sends the device keys and signed proof; the certificate follows once an operator approves.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.node.v1.Node.CompletePairingSessionResponse> completePairingSession(
        palyra.node.v1.Node.CompletePairingSessionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCompletePairingSessionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Polls a pairing request that waits for an operator decision.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.node.v1.Node.GetPairingRequestStatusResponse> getPairingRequestStatus(
        palyra.node.v1.Node.GetPairingRequestStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetPairingRequestStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Issues a new client certificate to a paired device.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.node.v1.Node.RotateDeviceCertificateResponse> rotateDeviceCertificate(
        palyra.node.v1.Node.RotateDeviceCertificateRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRotateDeviceCertificateMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Revokes a device so that its certificate is refused from now on.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.node.v1.Node.RevokeDevicePairingResponse> revokeDevicePairing(
        palyra.node.v1.Node.RevokeDevicePairingRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRevokeDevicePairingMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Announces a paired node's platform and capabilities.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.node.v1.Node.RegisterNodeResponse> registerNode(
        palyra.node.v1.Node.RegisterNodeRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRegisterNodeMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Queues a capability request for the calling device and waits for its result.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.node.v1.Node.ExecuteCapabilityResponse> executeCapability(
        palyra.node.v1.Node.ExecuteCapabilityRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getExecuteCapabilityMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_BEGIN_PAIRING_SESSION = 0;
  private static final int METHODID_COMPLETE_PAIRING_SESSION = 1;
  private static final int METHODID_GET_PAIRING_REQUEST_STATUS = 2;
  private static final int METHODID_ROTATE_DEVICE_CERTIFICATE = 3;
  private static final int METHODID_REVOKE_DEVICE_PAIRING = 4;
  private static final int METHODID_REGISTER_NODE = 5;
  private static final int METHODID_EXECUTE_CAPABILITY = 6;
  private static final int METHODID_STREAM_NODE_EVENTS = 7;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final NodeServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(NodeServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_BEGIN_PAIRING_SESSION:
          serviceImpl.beginPairingSession((palyra.node.v1.Node.BeginPairingSessionRequest) request,
              (io.grpc.stub.StreamObserver<palyra.node.v1.Node.BeginPairingSessionResponse>) responseObserver);
          break;
        case METHODID_COMPLETE_PAIRING_SESSION:
          serviceImpl.completePairingSession((palyra.node.v1.Node.CompletePairingSessionRequest) request,
              (io.grpc.stub.StreamObserver<palyra.node.v1.Node.CompletePairingSessionResponse>) responseObserver);
          break;
        case METHODID_GET_PAIRING_REQUEST_STATUS:
          serviceImpl.getPairingRequestStatus((palyra.node.v1.Node.GetPairingRequestStatusRequest) request,
              (io.grpc.stub.StreamObserver<palyra.node.v1.Node.GetPairingRequestStatusResponse>) responseObserver);
          break;
        case METHODID_ROTATE_DEVICE_CERTIFICATE:
          serviceImpl.rotateDeviceCertificate((palyra.node.v1.Node.RotateDeviceCertificateRequest) request,
              (io.grpc.stub.StreamObserver<palyra.node.v1.Node.RotateDeviceCertificateResponse>) responseObserver);
          break;
        case METHODID_REVOKE_DEVICE_PAIRING:
          serviceImpl.revokeDevicePairing((palyra.node.v1.Node.RevokeDevicePairingRequest) request,
              (io.grpc.stub.StreamObserver<palyra.node.v1.Node.RevokeDevicePairingResponse>) responseObserver);
          break;
        case METHODID_REGISTER_NODE:
          serviceImpl.registerNode((palyra.node.v1.Node.RegisterNodeRequest) request,
              (io.grpc.stub.StreamObserver<palyra.node.v1.Node.RegisterNodeResponse>) responseObserver);
          break;
        case METHODID_EXECUTE_CAPABILITY:
          serviceImpl.executeCapability((palyra.node.v1.Node.ExecuteCapabilityRequest) request,
              (io.grpc.stub.StreamObserver<palyra.node.v1.Node.ExecuteCapabilityResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_STREAM_NODE_EVENTS:
          return (io.grpc.stub.StreamObserver<Req>) serviceImpl.streamNodeEvents(
              (io.grpc.stub.StreamObserver<palyra.node.v1.Node.NodeEventResponse>) responseObserver);
        default:
          throw new AssertionError();
      }
    }
  }

  private static abstract class NodeServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    NodeServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return palyra.node.v1.Node.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("NodeService");
    }
  }

  private static final class NodeServiceFileDescriptorSupplier
      extends NodeServiceBaseDescriptorSupplier {
    NodeServiceFileDescriptorSupplier() {}
  }

  private static final class NodeServiceMethodDescriptorSupplier
      extends NodeServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    NodeServiceMethodDescriptorSupplier(String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (NodeServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new NodeServiceFileDescriptorSupplier())
              .addMethod(getBeginPairingSessionMethod())
              .addMethod(getCompletePairingSessionMethod())
              .addMethod(getGetPairingRequestStatusMethod())
              .addMethod(getRotateDeviceCertificateMethod())
              .addMethod(getRevokeDevicePairingMethod())
              .addMethod(getRegisterNodeMethod())
              .addMethod(getStreamNodeEventsMethod())
              .addMethod(getExecuteCapabilityMethod())
              .build();
        }
      }
    }
    return result;
  }
}
