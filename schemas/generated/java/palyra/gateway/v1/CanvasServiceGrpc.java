package palyra.gateway.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Sandboxed canvases: a web bundle plus versioned JSON state.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: palyra/v1/gateway.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class CanvasServiceGrpc {

  private CanvasServiceGrpc() {}

  public static final String SERVICE_NAME = "palyra.gateway.v1.CanvasService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.CreateCanvasRequest,
      palyra.gateway.v1.Gateway.CreateCanvasResponse> getCreateCanvasMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateCanvas",
      requestType = palyra.gateway.v1.Gateway.CreateCanvasRequest.class,
      responseType = palyra.gateway.v1.Gateway.CreateCanvasResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.CreateCanvasRequest,
      palyra.gateway.v1.Gateway.CreateCanvasResponse> getCreateCanvasMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.CreateCanvasRequest, palyra.gateway.v1.Gateway.CreateCanvasResponse> getCreateCanvasMethod;
    if ((getCreateCanvasMethod = CanvasServiceGrpc.getCreateCanvasMethod) == null) {
      synchronized (CanvasServiceGrpc.class) {
        if ((getCreateCanvasMethod = CanvasServiceGrpc.getCreateCanvasMethod) == null) {
          CanvasServiceGrpc.getCreateCanvasMethod = getCreateCanvasMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.CreateCanvasRequest, palyra.gateway.v1.Gateway.CreateCanvasResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateCanvas"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.CreateCanvasRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.CreateCanvasResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CanvasServiceMethodDescriptorSupplier("CreateCanvas"))
              .build();
        }
      }
    }
    return getCreateCanvasMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.UpdateCanvasRequest,
      palyra.gateway.v1.Gateway.UpdateCanvasResponse> getUpdateCanvasMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateCanvas",
      requestType = palyra.gateway.v1.Gateway.UpdateCanvasRequest.class,
      responseType = palyra.gateway.v1.Gateway.UpdateCanvasResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.UpdateCanvasRequest,
      palyra.gateway.v1.Gateway.UpdateCanvasResponse> getUpdateCanvasMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.UpdateCanvasRequest, palyra.gateway.v1.Gateway.UpdateCanvasResponse> getUpdateCanvasMethod;
    if ((getUpdateCanvasMethod = CanvasServiceGrpc.getUpdateCanvasMethod) == null) {
      synchronized (CanvasServiceGrpc.class) {
        if ((getUpdateCanvasMethod = CanvasServiceGrpc.getUpdateCanvasMethod) == null) {
          CanvasServiceGrpc.getUpdateCanvasMethod = getUpdateCanvasMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.UpdateCanvasRequest, palyra.gateway.v1.Gateway.UpdateCanvasResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateCanvas"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.UpdateCanvasRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.UpdateCanvasResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CanvasServiceMethodDescriptorSupplier("UpdateCanvas"))
              .build();
        }
      }
    }
    return getUpdateCanvasMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.CloseCanvasRequest,
      palyra.gateway.v1.Gateway.CloseCanvasResponse> getCloseCanvasMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CloseCanvas",
      requestType = palyra.gateway.v1.Gateway.CloseCanvasRequest.class,
      responseType = palyra.gateway.v1.Gateway.CloseCanvasResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.CloseCanvasRequest,
      palyra.gateway.v1.Gateway.CloseCanvasResponse> getCloseCanvasMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.CloseCanvasRequest, palyra.gateway.v1.Gateway.CloseCanvasResponse> getCloseCanvasMethod;
    if ((getCloseCanvasMethod = CanvasServiceGrpc.getCloseCanvasMethod) == null) {
      synchronized (CanvasServiceGrpc.class) {
        if ((getCloseCanvasMethod = CanvasServiceGrpc.getCloseCanvasMethod) == null) {
          CanvasServiceGrpc.getCloseCanvasMethod = getCloseCanvasMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.CloseCanvasRequest, palyra.gateway.v1.Gateway.CloseCanvasResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CloseCanvas"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.CloseCanvasRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.CloseCanvasResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CanvasServiceMethodDescriptorSupplier("CloseCanvas"))
              .build();
        }
      }
    }
    return getCloseCanvasMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.GetCanvasRequest,
      palyra.gateway.v1.Gateway.GetCanvasResponse> getGetCanvasMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetCanvas",
      requestType = palyra.gateway.v1.Gateway.GetCanvasRequest.class,
      responseType = palyra.gateway.v1.Gateway.GetCanvasResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.GetCanvasRequest,
      palyra.gateway.v1.Gateway.GetCanvasResponse> getGetCanvasMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.GetCanvasRequest, palyra.gateway.v1.Gateway.GetCanvasResponse> getGetCanvasMethod;
    if ((getGetCanvasMethod = CanvasServiceGrpc.getGetCanvasMethod) == null) {
      synchronized (CanvasServiceGrpc.class) {
        if ((getGetCanvasMethod = CanvasServiceGrpc.getGetCanvasMethod) == null) {
          CanvasServiceGrpc.getGetCanvasMethod = getGetCanvasMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.GetCanvasRequest, palyra.gateway.v1.Gateway.GetCanvasResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetCanvas"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.GetCanvasRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.GetCanvasResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CanvasServiceMethodDescriptorSupplier("GetCanvas"))
              .build();
        }
      }
    }
    return getGetCanvasMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesRequest,
      palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesResponse> getSubscribeCanvasUpdatesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SubscribeCanvasUpdates",
      requestType = palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesRequest.class,
      responseType = palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesRequest,
      palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesResponse> getSubscribeCanvasUpdatesMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesRequest, palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesResponse> getSubscribeCanvasUpdatesMethod;
    if ((getSubscribeCanvasUpdatesMethod = CanvasServiceGrpc.getSubscribeCanvasUpdatesMethod) == null) {
      synchronized (CanvasServiceGrpc.class) {
        if ((getSubscribeCanvasUpdatesMethod = CanvasServiceGrpc.getSubscribeCanvasUpdatesMethod) == null) {
          CanvasServiceGrpc.getSubscribeCanvasUpdatesMethod = getSubscribeCanvasUpdatesMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesRequest, palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SubscribeCanvasUpdates"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CanvasServiceMethodDescriptorSupplier("SubscribeCanvasUpdates"))
              .build();
        }
      }
    }
    return getSubscribeCanvasUpdatesMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static CanvasServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CanvasServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CanvasServiceStub>() {
        @java.lang.Override
        public CanvasServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CanvasServiceStub(channel, callOptions);
        }
      };
    return CanvasServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static CanvasServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CanvasServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CanvasServiceBlockingStub>() {
        @java.lang.Override
        public CanvasServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CanvasServiceBlockingStub(channel, callOptions);
        }
      };
    return CanvasServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static CanvasServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CanvasServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CanvasServiceFutureStub>() {
        @java.lang.Override
        public CanvasServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CanvasServiceFutureStub(channel, callOptions);
        }
      };
    return CanvasServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Sandboxed canvases: a web bundle plus versioned JSON state.
   * </pre>
   */
  public static abstract class CanvasServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Creates a canvas and returns where to embed it.
     * </pre>
     */
    public void createCanvas(palyra.gateway.v1.Gateway.CreateCanvasRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.CreateCanvasResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateCanvasMethod(), responseObserver);
    }

    /**
     * <pre>
     * Replaces or patches canvas state, with optimistic version checks.
     * </pre>
     */
    public void updateCanvas(palyra.gateway.v1.Gateway.UpdateCanvasRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.UpdateCanvasResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateCanvasMethod(), responseObserver);
    }

    /**
     * <pre>
     * Closes a canvas.
     * </pre>
     */
    public void closeCanvas(palyra.gateway.v1.Gateway.CloseCanvasRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.CloseCanvasResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCloseCanvasMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads a canvas.
     * </pre>
     */
    public void getCanvas(palyra.gateway.v1.Gateway.GetCanvasRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.GetCanvasResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetCanvasMethod(), responseObserver);
    }

    /**
     * <pre>
     * Streams state changes after a given version.
     * </pre>
     */
    public void subscribeCanvasUpdates(palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSubscribeCanvasUpdatesMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateCanvasMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.CreateCanvasRequest,
                palyra.gateway.v1.Gateway.CreateCanvasResponse>(
                  this, METHODID_CREATE_CANVAS)))
          .addMethod(
            getUpdateCanvasMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.UpdateCanvasRequest,
                palyra.gateway.v1.Gateway.UpdateCanvasResponse>(
                  this, METHODID_UPDATE_CANVAS)))
          .addMethod(
            getCloseCanvasMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.CloseCanvasRequest,
                palyra.gateway.v1.Gateway.CloseCanvasResponse>(
                  this, METHODID_CLOSE_CANVAS)))
          .addMethod(
            getGetCanvasMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.GetCanvasRequest,
                palyra.gateway.v1.Gateway.GetCanvasResponse>(
                  this, METHODID_GET_CANVAS)))
          .addMethod(
            getSubscribeCanvasUpdatesMethod(),
            io.grpc.stub.ServerCalls.asyncServerStreamingCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesRequest,
                palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesResponse>(
                  this, METHODID_SUBSCRIBE_CANVAS_UPDATES)))
          .build();
    }
  }

  /**
   * <pre>
   * Sandboxed canvases: a web bundle plus versioned JSON state.
   * </pre>
   */
  public static final class CanvasServiceStub extends io.grpc.stub.AbstractAsyncStub<CanvasServiceStub> {
    private CanvasServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CanvasServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CanvasServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a canvas and returns where to embed it.
     * </pre>
     */
    public void createCanvas(palyra.gateway.v1.Gateway.CreateCanvasRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.CreateCanvasResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateCanvasMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Replaces or patches canvas state, with optimistic version checks.
     * </pre>
     */
    public void updateCanvas(palyra.gateway.v1.Gateway.UpdateCanvasRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.UpdateCanvasResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateCanvasMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Closes a canvas.
     * </pre>
     */
    public void closeCanvas(palyra.gateway.v1.Gateway.CloseCanvasRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.CloseCanvasResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCloseCanvasMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads a canvas.
     * </pre>
     */
    public void getCanvas(palyra.gateway.v1.Gateway.GetCanvasRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.GetCanvasResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetCanvasMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Streams state changes after a given version.
     * </pre>
     */
    public void subscribeCanvasUpdates(palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getSubscribeCanvasUpdatesMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Sandboxed canvases: a web bundle plus versioned JSON state.
   * </pre>
   */
  public static final class CanvasServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<CanvasServiceBlockingStub> {
    private CanvasServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CanvasServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CanvasServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a canvas and returns where to embed it.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.CreateCanvasResponse createCanvas(palyra.gateway.v1.Gateway.CreateCanvasRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateCanvasMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Replaces or patches canvas state, with optimistic version checks.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.UpdateCanvasResponse updateCanvas(palyra.gateway.v1.Gateway.UpdateCanvasRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateCanvasMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Closes a canvas.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.CloseCanvasResponse closeCanvas(palyra.gateway.v1.Gateway.CloseCanvasRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCloseCanvasMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads a canvas.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.GetCanvasResponse getCanvas(palyra.gateway.v1.Gateway.GetCanvasRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetCanvasMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams state changes after a given version.
     * </pre>
     */
    public java.util.Iterator<palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesResponse> subscribeCanvasUpdates(
        palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getSubscribeCanvasUpdatesMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Sandboxed canvases: a web bundle plus versioned JSON state.
   * </pre>
   */
  public static final class CanvasServiceFutureStub extends io.grpc.stub.AbstractFutureStub<CanvasServiceFutureStub> {
    private CanvasServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CanvasServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CanvasServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a canvas and returns where to embed it.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.CreateCanvasResponse> createCanvas(
        palyra.gateway.v1.Gateway.CreateCanvasRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateCanvasMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Replaces or patches canvas state, with optimistic version checks.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.UpdateCanvasResponse> updateCanvas(
        palyra.gateway.v1.Gateway.UpdateCanvasRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateCanvasMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Closes a canvas.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.CloseCanvasResponse> closeCanvas(
        palyra.gateway.v1.Gateway.CloseCanvasRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCloseCanvasMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads a canvas.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.GetCanvasResponse> getCanvas(
        palyra.gateway.v1.Gateway.GetCanvasRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetCanvasMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_CANVAS = 0;
  private static final int METHODID_UPDATE_CANVAS = 1;
  private static final int METHODID_CLOSE_CANVAS = 2;
  private static final int METHODID_GET_CANVAS = 3;
  private static final int METHODID_SUBSCRIBE_CANVAS_UPDATES = 4;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final CanvasServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(CanvasServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_CANVAS:
          serviceImpl.createCanvas((palyra.gateway.v1.Gateway.CreateCanvasRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.CreateCanvasResponse>) responseObserver);
          break;
        case METHODID_UPDATE_CANVAS:
          serviceImpl.updateCanvas((palyra.gateway.v1.Gateway.UpdateCanvasRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.UpdateCanvasResponse>) responseObserver);
          break;
        case METHODID_CLOSE_CANVAS:
          serviceImpl.closeCanvas((palyra.gateway.v1.Gateway.CloseCanvasRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.CloseCanvasResponse>) responseObserver);
          break;
        case METHODID_GET_CANVAS:
          serviceImpl.getCanvas((palyra.gateway.v1.Gateway.GetCanvasRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.GetCanvasResponse>) responseObserver);
          break;
        case METHODID_SUBSCRIBE_CANVAS_UPDATES:
          serviceImpl.subscribeCanvasUpdates((palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.SubscribeCanvasUpdatesResponse>) responseObserver);
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

  private static abstract class CanvasServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    CanvasServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return palyra.gateway.v1.Gateway.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("CanvasService");
    }
  }

  private static final class CanvasServiceFileDescriptorSupplier
      extends CanvasServiceBaseDescriptorSupplier {
    CanvasServiceFileDescriptorSupplier() {}
  }

  private static final class CanvasServiceMethodDescriptorSupplier
      extends CanvasServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    CanvasServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (CanvasServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new CanvasServiceFileDescriptorSupplier())
              .addMethod(getCreateCanvasMethod())
              .addMethod(getUpdateCanvasMethod())
              .addMethod(getCloseCanvasMethod())
              .addMethod(getGetCanvasMethod())
              .addMethod(getSubscribeCanvasUpdatesMethod())
              .build();
        }
      }
    }
    return result;
  }
}
