package palyra.gateway.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Read-only audit of human approval decisions.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: palyra/v1/gateway.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class ApprovalsServiceGrpc {

  private ApprovalsServiceGrpc() {}

  public static final String SERVICE_NAME = "palyra.gateway.v1.ApprovalsService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ListApprovalsRequest,
      palyra.gateway.v1.Gateway.ListApprovalsResponse> getListApprovalsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListApprovals",
      requestType = palyra.gateway.v1.Gateway.ListApprovalsRequest.class,
      responseType = palyra.gateway.v1.Gateway.ListApprovalsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ListApprovalsRequest,
      palyra.gateway.v1.Gateway.ListApprovalsResponse> getListApprovalsMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ListApprovalsRequest, palyra.gateway.v1.Gateway.ListApprovalsResponse> getListApprovalsMethod;
    if ((getListApprovalsMethod = ApprovalsServiceGrpc.getListApprovalsMethod) == null) {
      synchronized (ApprovalsServiceGrpc.class) {
        if ((getListApprovalsMethod = ApprovalsServiceGrpc.getListApprovalsMethod) == null) {
          ApprovalsServiceGrpc.getListApprovalsMethod = getListApprovalsMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.ListApprovalsRequest, palyra.gateway.v1.Gateway.ListApprovalsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListApprovals"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ListApprovalsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ListApprovalsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ApprovalsServiceMethodDescriptorSupplier("ListApprovals"))
              .build();
        }
      }
    }
    return getListApprovalsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.GetApprovalRequest,
      palyra.gateway.v1.Gateway.GetApprovalResponse> getGetApprovalMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetApproval",
      requestType = palyra.gateway.v1.Gateway.GetApprovalRequest.class,
      responseType = palyra.gateway.v1.Gateway.GetApprovalResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.GetApprovalRequest,
      palyra.gateway.v1.Gateway.GetApprovalResponse> getGetApprovalMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.GetApprovalRequest, palyra.gateway.v1.Gateway.GetApprovalResponse> getGetApprovalMethod;
    if ((getGetApprovalMethod = ApprovalsServiceGrpc.getGetApprovalMethod) == null) {
      synchronized (ApprovalsServiceGrpc.class) {
        if ((getGetApprovalMethod = ApprovalsServiceGrpc.getGetApprovalMethod) == null) {
          ApprovalsServiceGrpc.getGetApprovalMethod = getGetApprovalMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.GetApprovalRequest, palyra.gateway.v1.Gateway.GetApprovalResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetApproval"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.GetApprovalRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.GetApprovalResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ApprovalsServiceMethodDescriptorSupplier("GetApproval"))
              .build();
        }
      }
    }
    return getGetApprovalMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ExportApprovalsRequest,
      palyra.gateway.v1.Gateway.ExportApprovalsResponse> getExportApprovalsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ExportApprovals",
      requestType = palyra.gateway.v1.Gateway.ExportApprovalsRequest.class,
      responseType = palyra.gateway.v1.Gateway.ExportApprovalsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ExportApprovalsRequest,
      palyra.gateway.v1.Gateway.ExportApprovalsResponse> getExportApprovalsMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ExportApprovalsRequest, palyra.gateway.v1.Gateway.ExportApprovalsResponse> getExportApprovalsMethod;
    if ((getExportApprovalsMethod = ApprovalsServiceGrpc.getExportApprovalsMethod) == null) {
      synchronized (ApprovalsServiceGrpc.class) {
        if ((getExportApprovalsMethod = ApprovalsServiceGrpc.getExportApprovalsMethod) == null) {
          ApprovalsServiceGrpc.getExportApprovalsMethod = getExportApprovalsMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.ExportApprovalsRequest, palyra.gateway.v1.Gateway.ExportApprovalsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ExportApprovals"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ExportApprovalsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ExportApprovalsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ApprovalsServiceMethodDescriptorSupplier("ExportApprovals"))
              .build();
        }
      }
    }
    return getExportApprovalsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ApprovalsServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ApprovalsServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ApprovalsServiceStub>() {
        @java.lang.Override
        public ApprovalsServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ApprovalsServiceStub(channel, callOptions);
        }
      };
    return ApprovalsServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ApprovalsServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ApprovalsServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ApprovalsServiceBlockingStub>() {
        @java.lang.Override
        public ApprovalsServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ApprovalsServiceBlockingStub(channel, callOptions);
        }
      };
    return ApprovalsServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ApprovalsServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ApprovalsServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ApprovalsServiceFutureStub>() {
        @java.lang.Override
        public ApprovalsServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ApprovalsServiceFutureStub(channel, callOptions);
        }
      };
    return ApprovalsServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Read-only audit of human approval decisions.
   * </pre>
   */
  public static abstract class ApprovalsServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Pages through approval records in id order, with filters.
     * </pre>
     */
    public void listApprovals(palyra.gateway.v1.Gateway.ListApprovalsRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ListApprovalsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListApprovalsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads one approval record.
     * </pre>
     */
    public void getApproval(palyra.gateway.v1.Gateway.GetApprovalRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.GetApprovalResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetApprovalMethod(), responseObserver);
    }

    /**
     * <pre>
     * Streams matching records as NDJSON or JSON in chunks.
     * </pre>
     */
    public void exportApprovals(palyra.gateway.v1.Gateway.ExportApprovalsRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ExportApprovalsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getExportApprovalsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getListApprovalsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.ListApprovalsRequest,
                palyra.gateway.v1.Gateway.ListApprovalsResponse>(
                  this, METHODID_LIST_APPROVALS)))
          .addMethod(
            getGetApprovalMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.GetApprovalRequest,
                palyra.gateway.v1.Gateway.GetApprovalResponse>(
                  this, METHODID_GET_APPROVAL)))
          .addMethod(
            getExportApprovalsMethod(),
            io.grpc.stub.ServerCalls.asyncServerStreamingCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.ExportApprovalsRequest,
                palyra.gateway.v1.Gateway.ExportApprovalsResponse>(
                  this, METHODID_EXPORT_APPROVALS)))
          .build();
    }
  }

  /**
   * <pre>
   * Read-only audit of human approval decisions.
   * </pre>
   */
  public static final class ApprovalsServiceStub extends io.grpc.stub.AbstractAsyncStub<ApprovalsServiceStub> {
    private ApprovalsServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ApprovalsServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ApprovalsServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Pages through approval records in id order, with filters.
     * </pre>
     */
    public void listApprovals(palyra.gateway.v1.Gateway.ListApprovalsRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ListApprovalsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListApprovalsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads one approval record.
     * </pre>
     */
    public void getApproval(palyra.gateway.v1.Gateway.GetApprovalRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.GetApprovalResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetApprovalMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Streams matching records as NDJSON or JSON in chunks.
     * </pre>
     */
    public void exportApprovals(palyra.gateway.v1.Gateway.ExportApprovalsRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ExportApprovalsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getExportApprovalsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Read-only audit of human approval decisions.
   * </pre>
   */
  public static final class ApprovalsServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<ApprovalsServiceBlockingStub> {
    private ApprovalsServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ApprovalsServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ApprovalsServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Pages through approval records in id order, with filters.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.ListApprovalsResponse listApprovals(palyra.gateway.v1.Gateway.ListApprovalsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListApprovalsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one approval record.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.GetApprovalResponse getApproval(palyra.gateway.v1.Gateway.GetApprovalRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetApprovalMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams matching records as NDJSON or JSON in chunks.
     * </pre>
     */
    public java.util.Iterator<palyra.gateway.v1.Gateway.ExportApprovalsResponse> exportApprovals(
        palyra.gateway.v1.Gateway.ExportApprovalsRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getExportApprovalsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Read-only audit of human approval decisions.
   * </pre>
   */
  public static final class ApprovalsServiceFutureStub extends io.grpc.stub.AbstractFutureStub<ApprovalsServiceFutureStub> {
    private ApprovalsServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ApprovalsServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ApprovalsServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Pages through approval records in id order, with filters.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.ListApprovalsResponse> listApprovals(
        palyra.gateway.v1.Gateway.ListApprovalsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListApprovalsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads one approval record.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.GetApprovalResponse> getApproval(
        palyra.gateway.v1.Gateway.GetApprovalRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetApprovalMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_LIST_APPROVALS = 0;
  private static final int METHODID_GET_APPROVAL = 1;
  private static final int METHODID_EXPORT_APPROVALS = 2;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final ApprovalsServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(ApprovalsServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_LIST_APPROVALS:
          serviceImpl.listApprovals((palyra.gateway.v1.Gateway.ListApprovalsRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ListApprovalsResponse>) responseObserver);
          break;
        case METHODID_GET_APPROVAL:
          serviceImpl.getApproval((palyra.gateway.v1.Gateway.GetApprovalRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.GetApprovalResponse>) responseObserver);
          break;
        case METHODID_EXPORT_APPROVALS:
          serviceImpl.exportApprovals((palyra.gateway.v1.Gateway.ExportApprovalsRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ExportApprovalsResponse>) responseObserver);
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

  private static abstract class ApprovalsServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ApprovalsServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return palyra.gateway.v1.Gateway.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ApprovalsService");
    }
  }

  private static final class ApprovalsServiceFileDescriptorSupplier
      extends ApprovalsServiceBaseDescriptorSupplier {
    ApprovalsServiceFileDescriptorSupplier() {}
  }

  private static final class ApprovalsServiceMethodDescriptorSupplier
      extends ApprovalsServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    ApprovalsServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (ApprovalsServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ApprovalsServiceFileDescriptorSupplier())
              .addMethod(getListApprovalsMethod())
              .addMethod(getGetApprovalMethod())
              .addMethod(getExportApprovalsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
