package palyra.gateway.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Encrypted secret storage, addressed by scope and key.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: palyra/v1/gateway.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class VaultServiceGrpc {

  private VaultServiceGrpc() {}

  public static final String SERVICE_NAME = "palyra.gateway.v1.VaultService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.PutSecretRequest,
      palyra.gateway.v1.Gateway.PutSecretResponse> getPutSecretMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PutSecret",
      requestType = palyra.gateway.v1.Gateway.PutSecretRequest.class,
      responseType = palyra.gateway.v1.Gateway.PutSecretResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.PutSecretRequest,
      palyra.gateway.v1.Gateway.PutSecretResponse> getPutSecretMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.PutSecretRequest, palyra.gateway.v1.Gateway.PutSecretResponse> getPutSecretMethod;
    if ((getPutSecretMethod = VaultServiceGrpc.getPutSecretMethod) == null) {
      synchronized (VaultServiceGrpc.class) {
        if ((getPutSecretMethod = VaultServiceGrpc.getPutSecretMethod) == null) {
          VaultServiceGrpc.getPutSecretMethod = getPutSecretMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.PutSecretRequest, palyra.gateway.v1.Gateway.PutSecretResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PutSecret"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.PutSecretRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.PutSecretResponse.getDefaultInstance()))
              .setSchemaDescriptor(new VaultServiceMethodDescriptorSupplier("PutSecret"))
              .build();
        }
      }
    }
    return getPutSecretMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.GetSecretRequest,
      palyra.gateway.v1.Gateway.GetSecretResponse> getGetSecretMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetSecret",
      requestType = palyra.gateway.v1.Gateway.GetSecretRequest.class,
      responseType = palyra.gateway.v1.Gateway.GetSecretResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.GetSecretRequest,
      palyra.gateway.v1.Gateway.GetSecretResponse> getGetSecretMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.GetSecretRequest, palyra.gateway.v1.Gateway.GetSecretResponse> getGetSecretMethod;
    if ((getGetSecretMethod = VaultServiceGrpc.getGetSecretMethod) == null) {
      synchronized (VaultServiceGrpc.class) {
        if ((getGetSecretMethod = VaultServiceGrpc.getGetSecretMethod) == null) {
          VaultServiceGrpc.getGetSecretMethod = getGetSecretMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.GetSecretRequest, palyra.gateway.v1.Gateway.GetSecretResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetSecret"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.GetSecretRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.GetSecretResponse.getDefaultInstance()))
              .setSchemaDescriptor(new VaultServiceMethodDescriptorSupplier("GetSecret"))
              .build();
        }
      }
    }
    return getGetSecretMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.DeleteSecretRequest,
      palyra.gateway.v1.Gateway.DeleteSecretResponse> getDeleteSecretMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteSecret",
      requestType = palyra.gateway.v1.Gateway.DeleteSecretRequest.class,
      responseType = palyra.gateway.v1.Gateway.DeleteSecretResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.DeleteSecretRequest,
      palyra.gateway.v1.Gateway.DeleteSecretResponse> getDeleteSecretMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.DeleteSecretRequest, palyra.gateway.v1.Gateway.DeleteSecretResponse> getDeleteSecretMethod;
    if ((getDeleteSecretMethod = VaultServiceGrpc.getDeleteSecretMethod) == null) {
      synchronized (VaultServiceGrpc.class) {
        if ((getDeleteSecretMethod = VaultServiceGrpc.getDeleteSecretMethod) == null) {
          VaultServiceGrpc.getDeleteSecretMethod = getDeleteSecretMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.DeleteSecretRequest, palyra.gateway.v1.Gateway.DeleteSecretResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteSecret"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.DeleteSecretRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.DeleteSecretResponse.getDefaultInstance()))
              .setSchemaDescriptor(new VaultServiceMethodDescriptorSupplier("DeleteSecret"))
              .build();
        }
      }
    }
    return getDeleteSecretMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ListSecretsRequest,
      palyra.gateway.v1.Gateway.ListSecretsResponse> getListSecretsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSecrets",
      requestType = palyra.gateway.v1.Gateway.ListSecretsRequest.class,
      responseType = palyra.gateway.v1.Gateway.ListSecretsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ListSecretsRequest,
      palyra.gateway.v1.Gateway.ListSecretsResponse> getListSecretsMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ListSecretsRequest, palyra.gateway.v1.Gateway.ListSecretsResponse> getListSecretsMethod;
    if ((getListSecretsMethod = VaultServiceGrpc.getListSecretsMethod) == null) {
      synchronized (VaultServiceGrpc.class) {
        if ((getListSecretsMethod = VaultServiceGrpc.getListSecretsMethod) == null) {
          VaultServiceGrpc.getListSecretsMethod = getListSecretsMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.ListSecretsRequest, palyra.gateway.v1.Gateway.ListSecretsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSecrets"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ListSecretsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ListSecretsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new VaultServiceMethodDescriptorSupplier("ListSecrets"))
              .build();
        }
      }
    }
    return getListSecretsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static VaultServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<VaultServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<VaultServiceStub>() {
        @java.lang.Override
        public VaultServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new VaultServiceStub(channel, callOptions);
        }
      };
    return VaultServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static VaultServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<VaultServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<VaultServiceBlockingStub>() {
        @java.lang.Override
        public VaultServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new VaultServiceBlockingStub(channel, callOptions);
        }
      };
    return VaultServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static VaultServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<VaultServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<VaultServiceFutureStub>() {
        @java.lang.Override
        public VaultServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new VaultServiceFutureStub(channel, callOptions);
        }
      };
    return VaultServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Encrypted secret storage, addressed by scope and key.
   * </pre>
   */
  public static abstract class VaultServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Creates or replaces a secret.
     * </pre>
     */
    public void putSecret(palyra.gateway.v1.Gateway.PutSecretRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.PutSecretResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPutSecretMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads a secret's value.
     * </pre>
     */
    public void getSecret(palyra.gateway.v1.Gateway.GetSecretRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.GetSecretResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetSecretMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a secret.
     * </pre>
     */
    public void deleteSecret(palyra.gateway.v1.Gateway.DeleteSecretRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.DeleteSecretResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteSecretMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists secret metadata (never values) in a scope.
     * </pre>
     */
    public void listSecrets(palyra.gateway.v1.Gateway.ListSecretsRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ListSecretsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSecretsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getPutSecretMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.PutSecretRequest,
                palyra.gateway.v1.Gateway.PutSecretResponse>(
                  this, METHODID_PUT_SECRET)))
          .addMethod(
            getGetSecretMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.GetSecretRequest,
                palyra.gateway.v1.Gateway.GetSecretResponse>(
                  this, METHODID_GET_SECRET)))
          .addMethod(
            getDeleteSecretMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.DeleteSecretRequest,
                palyra.gateway.v1.Gateway.DeleteSecretResponse>(
                  this, METHODID_DELETE_SECRET)))
          .addMethod(
            getListSecretsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.ListSecretsRequest,
                palyra.gateway.v1.Gateway.ListSecretsResponse>(
                  this, METHODID_LIST_SECRETS)))
          .build();
    }
  }

  /**
   * <pre>
   * Encrypted secret storage, addressed by scope and key.
   * </pre>
   */
  public static final class VaultServiceStub extends io.grpc.stub.AbstractAsyncStub<VaultServiceStub> {
    private VaultServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected VaultServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new VaultServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates or replaces a secret.
     * </pre>
     */
    public void putSecret(palyra.gateway.v1.Gateway.PutSecretRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.PutSecretResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPutSecretMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads a secret's value.
     * </pre>
     */
    public void getSecret(palyra.gateway.v1.Gateway.GetSecretRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.GetSecretResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetSecretMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a secret.
     * </pre>
     */
    public void deleteSecret(palyra.gateway.v1.Gateway.DeleteSecretRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.DeleteSecretResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteSecretMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists secret metadata (never values) in a scope.
     * </pre>
     */
    public void listSecrets(palyra.gateway.v1.Gateway.ListSecretsRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ListSecretsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSecretsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Encrypted secret storage, addressed by scope and key.
   * </pre>
   */
  public static final class VaultServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<VaultServiceBlockingStub> {
    private VaultServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected VaultServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new VaultServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates or replaces a secret.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.PutSecretResponse putSecret(palyra.gateway.v1.Gateway.PutSecretRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPutSecretMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads a secret's value.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.GetSecretResponse getSecret(palyra.gateway.v1.Gateway.GetSecretRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetSecretMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a secret.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.DeleteSecretResponse deleteSecret(palyra.gateway.v1.Gateway.DeleteSecretRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteSecretMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists secret metadata (never values) in a scope.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.ListSecretsResponse listSecrets(palyra.gateway.v1.Gateway.ListSecretsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSecretsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Encrypted secret storage, addressed by scope and key.
   * </pre>
   */
  public static final class VaultServiceFutureStub extends io.grpc.stub.AbstractFutureStub<VaultServiceFutureStub> {
    private VaultServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected VaultServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new VaultServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates or replaces a secret.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.PutSecretResponse> putSecret(
        palyra.gateway.v1.Gateway.PutSecretRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPutSecretMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads a secret's value.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.GetSecretResponse> getSecret(
        palyra.gateway.v1.Gateway.GetSecretRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetSecretMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a secret.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.DeleteSecretResponse> deleteSecret(
        palyra.gateway.v1.Gateway.DeleteSecretRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteSecretMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists secret metadata (never values) in a scope.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.ListSecretsResponse> listSecrets(
        palyra.gateway.v1.Gateway.ListSecretsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSecretsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_PUT_SECRET = 0;
  private static final int METHODID_GET_SECRET = 1;
  private static final int METHODID_DELETE_SECRET = 2;
  private static final int METHODID_LIST_SECRETS = 3;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final VaultServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(VaultServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_PUT_SECRET:
          serviceImpl.putSecret((palyra.gateway.v1.Gateway.PutSecretRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.PutSecretResponse>) responseObserver);
          break;
        case METHODID_GET_SECRET:
          serviceImpl.getSecret((palyra.gateway.v1.Gateway.GetSecretRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.GetSecretResponse>) responseObserver);
          break;
        case METHODID_DELETE_SECRET:
          serviceImpl.deleteSecret((palyra.gateway.v1.Gateway.DeleteSecretRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.DeleteSecretResponse>) responseObserver);
          break;
        case METHODID_LIST_SECRETS:
          serviceImpl.listSecrets((palyra.gateway.v1.Gateway.ListSecretsRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ListSecretsResponse>) responseObserver);
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
        default:
          throw new AssertionError();
      }
    }
  }

  private static abstract class VaultServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    VaultServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return palyra.gateway.v1.Gateway.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("VaultService");
    }
  }

  private static final class VaultServiceFileDescriptorSupplier
      extends VaultServiceBaseDescriptorSupplier {
    VaultServiceFileDescriptorSupplier() {}
  }

  private static final class VaultServiceMethodDescriptorSupplier
      extends VaultServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    VaultServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (VaultServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new VaultServiceFileDescriptorSupplier())
              .addMethod(getPutSecretMethod())
              .addMethod(getGetSecretMethod())
              .addMethod(getDeleteSecretMethod())
              .addMethod(getListSecretsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
