package palyra.gateway.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Runs, sessions, message routing and agents (admin port).
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: palyra/v1/gateway.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class GatewayServiceGrpc {

  private GatewayServiceGrpc() {}

  public static final String SERVICE_NAME = "palyra.gateway.v1.GatewayService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.HealthRequest,
      palyra.gateway.v1.Gateway.HealthResponse> getGetHealthMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetHealth",
      requestType = palyra.gateway.v1.Gateway.HealthRequest.class,
      responseType = palyra.gateway.v1.Gateway.HealthResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.HealthRequest,
      palyra.gateway.v1.Gateway.HealthResponse> getGetHealthMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.HealthRequest, palyra.gateway.v1.Gateway.HealthResponse> getGetHealthMethod;
    if ((getGetHealthMethod = GatewayServiceGrpc.getGetHealthMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getGetHealthMethod = GatewayServiceGrpc.getGetHealthMethod) == null) {
          GatewayServiceGrpc.getGetHealthMethod = getGetHealthMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.HealthRequest, palyra.gateway.v1.Gateway.HealthResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetHealth"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.HealthRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.HealthResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("GetHealth"))
              .build();
        }
      }
    }
    return getGetHealthMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.common.v1.Common.RunStreamRequest,
      palyra.common.v1.Common.RunStreamEvent> getRunStreamMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RunStream",
      requestType = palyra.common.v1.Common.RunStreamRequest.class,
      responseType = palyra.common.v1.Common.RunStreamEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING)
  public static io.grpc.MethodDescriptor<palyra.common.v1.Common.RunStreamRequest,
      palyra.common.v1.Common.RunStreamEvent> getRunStreamMethod() {
    io.grpc.MethodDescriptor<palyra.common.v1.Common.RunStreamRequest, palyra.common.v1.Common.RunStreamEvent> getRunStreamMethod;
    if ((getRunStreamMethod = GatewayServiceGrpc.getRunStreamMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getRunStreamMethod = GatewayServiceGrpc.getRunStreamMethod) == null) {
          GatewayServiceGrpc.getRunStreamMethod = getRunStreamMethod =
              io.grpc.MethodDescriptor.<palyra.common.v1.Common.RunStreamRequest, palyra.common.v1.Common.RunStreamEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RunStream"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.common.v1.Common.RunStreamRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.common.v1.Common.RunStreamEvent.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("RunStream"))
              .build();
        }
      }
    }
    return getRunStreamMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.AppendEventRequest,
      palyra.gateway.v1.Gateway.AppendEventResponse> getAppendEventMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AppendEvent",
      requestType = palyra.gateway.v1.Gateway.AppendEventRequest.class,
      responseType = palyra.gateway.v1.Gateway.AppendEventResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.AppendEventRequest,
      palyra.gateway.v1.Gateway.AppendEventResponse> getAppendEventMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.AppendEventRequest, palyra.gateway.v1.Gateway.AppendEventResponse> getAppendEventMethod;
    if ((getAppendEventMethod = GatewayServiceGrpc.getAppendEventMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getAppendEventMethod = GatewayServiceGrpc.getAppendEventMethod) == null) {
          GatewayServiceGrpc.getAppendEventMethod = getAppendEventMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.AppendEventRequest, palyra.gateway.v1.Gateway.AppendEventResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AppendEvent"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.AppendEventRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.AppendEventResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("AppendEvent"))
              .build();
        }
      }
    }
    return getAppendEventMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.AbortRunRequest,
      palyra.gateway.v1.Gateway.AbortRunResponse> getAbortRunMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AbortRun",
      requestType = palyra.gateway.v1.Gateway.AbortRunRequest.class,
      responseType = palyra.gateway.v1.Gateway.AbortRunResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.AbortRunRequest,
      palyra.gateway.v1.Gateway.AbortRunResponse> getAbortRunMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.AbortRunRequest, palyra.gateway.v1.Gateway.AbortRunResponse> getAbortRunMethod;
    if ((getAbortRunMethod = GatewayServiceGrpc.getAbortRunMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getAbortRunMethod = GatewayServiceGrpc.getAbortRunMethod) == null) {
          GatewayServiceGrpc.getAbortRunMethod = getAbortRunMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.AbortRunRequest, palyra.gateway.v1.Gateway.AbortRunResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AbortRun"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.AbortRunRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.AbortRunResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("AbortRun"))
              .build();
        }
      }
    }
    return getAbortRunMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ListSessionsRequest,
      palyra.gateway.v1.Gateway.ListSessionsResponse> getListSessionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSessions",
      requestType = palyra.gateway.v1.Gateway.ListSessionsRequest.class,
      responseType = palyra.gateway.v1.Gateway.ListSessionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ListSessionsRequest,
      palyra.gateway.v1.Gateway.ListSessionsResponse> getListSessionsMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ListSessionsRequest, palyra.gateway.v1.Gateway.ListSessionsResponse> getListSessionsMethod;
    if ((getListSessionsMethod = GatewayServiceGrpc.getListSessionsMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getListSessionsMethod = GatewayServiceGrpc.getListSessionsMethod) == null) {
          GatewayServiceGrpc.getListSessionsMethod = getListSessionsMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.ListSessionsRequest, palyra.gateway.v1.Gateway.ListSessionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSessions"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ListSessionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ListSessionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("ListSessions"))
              .build();
        }
      }
    }
    return getListSessionsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ResolveSessionRequest,
      palyra.gateway.v1.Gateway.ResolveSessionResponse> getResolveSessionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ResolveSession",
      requestType = palyra.gateway.v1.Gateway.ResolveSessionRequest.class,
      responseType = palyra.gateway.v1.Gateway.ResolveSessionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ResolveSessionRequest,
      palyra.gateway.v1.Gateway.ResolveSessionResponse> getResolveSessionMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ResolveSessionRequest, palyra.gateway.v1.Gateway.ResolveSessionResponse> getResolveSessionMethod;
    if ((getResolveSessionMethod = GatewayServiceGrpc.getResolveSessionMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getResolveSessionMethod = GatewayServiceGrpc.getResolveSessionMethod) == null) {
          GatewayServiceGrpc.getResolveSessionMethod = getResolveSessionMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.ResolveSessionRequest, palyra.gateway.v1.Gateway.ResolveSessionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ResolveSession"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ResolveSessionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ResolveSessionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("ResolveSession"))
              .build();
        }
      }
    }
    return getResolveSessionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.CleanupSessionRequest,
      palyra.gateway.v1.Gateway.CleanupSessionResponse> getCleanupSessionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CleanupSession",
      requestType = palyra.gateway.v1.Gateway.CleanupSessionRequest.class,
      responseType = palyra.gateway.v1.Gateway.CleanupSessionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.CleanupSessionRequest,
      palyra.gateway.v1.Gateway.CleanupSessionResponse> getCleanupSessionMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.CleanupSessionRequest, palyra.gateway.v1.Gateway.CleanupSessionResponse> getCleanupSessionMethod;
    if ((getCleanupSessionMethod = GatewayServiceGrpc.getCleanupSessionMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getCleanupSessionMethod = GatewayServiceGrpc.getCleanupSessionMethod) == null) {
          GatewayServiceGrpc.getCleanupSessionMethod = getCleanupSessionMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.CleanupSessionRequest, palyra.gateway.v1.Gateway.CleanupSessionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CleanupSession"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.CleanupSessionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.CleanupSessionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("CleanupSession"))
              .build();
        }
      }
    }
    return getCleanupSessionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.RouteMessageRequest,
      palyra.gateway.v1.Gateway.RouteMessageResponse> getRouteMessageMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RouteMessage",
      requestType = palyra.gateway.v1.Gateway.RouteMessageRequest.class,
      responseType = palyra.gateway.v1.Gateway.RouteMessageResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.RouteMessageRequest,
      palyra.gateway.v1.Gateway.RouteMessageResponse> getRouteMessageMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.RouteMessageRequest, palyra.gateway.v1.Gateway.RouteMessageResponse> getRouteMessageMethod;
    if ((getRouteMessageMethod = GatewayServiceGrpc.getRouteMessageMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getRouteMessageMethod = GatewayServiceGrpc.getRouteMessageMethod) == null) {
          GatewayServiceGrpc.getRouteMessageMethod = getRouteMessageMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.RouteMessageRequest, palyra.gateway.v1.Gateway.RouteMessageResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RouteMessage"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.RouteMessageRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.RouteMessageResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("RouteMessage"))
              .build();
        }
      }
    }
    return getRouteMessageMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ListAgentsRequest,
      palyra.gateway.v1.Gateway.ListAgentsResponse> getListAgentsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListAgents",
      requestType = palyra.gateway.v1.Gateway.ListAgentsRequest.class,
      responseType = palyra.gateway.v1.Gateway.ListAgentsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ListAgentsRequest,
      palyra.gateway.v1.Gateway.ListAgentsResponse> getListAgentsMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ListAgentsRequest, palyra.gateway.v1.Gateway.ListAgentsResponse> getListAgentsMethod;
    if ((getListAgentsMethod = GatewayServiceGrpc.getListAgentsMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getListAgentsMethod = GatewayServiceGrpc.getListAgentsMethod) == null) {
          GatewayServiceGrpc.getListAgentsMethod = getListAgentsMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.ListAgentsRequest, palyra.gateway.v1.Gateway.ListAgentsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListAgents"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ListAgentsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ListAgentsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("ListAgents"))
              .build();
        }
      }
    }
    return getListAgentsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.GetAgentRequest,
      palyra.gateway.v1.Gateway.GetAgentResponse> getGetAgentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetAgent",
      requestType = palyra.gateway.v1.Gateway.GetAgentRequest.class,
      responseType = palyra.gateway.v1.Gateway.GetAgentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.GetAgentRequest,
      palyra.gateway.v1.Gateway.GetAgentResponse> getGetAgentMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.GetAgentRequest, palyra.gateway.v1.Gateway.GetAgentResponse> getGetAgentMethod;
    if ((getGetAgentMethod = GatewayServiceGrpc.getGetAgentMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getGetAgentMethod = GatewayServiceGrpc.getGetAgentMethod) == null) {
          GatewayServiceGrpc.getGetAgentMethod = getGetAgentMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.GetAgentRequest, palyra.gateway.v1.Gateway.GetAgentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetAgent"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.GetAgentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.GetAgentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("GetAgent"))
              .build();
        }
      }
    }
    return getGetAgentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.CreateAgentRequest,
      palyra.gateway.v1.Gateway.CreateAgentResponse> getCreateAgentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateAgent",
      requestType = palyra.gateway.v1.Gateway.CreateAgentRequest.class,
      responseType = palyra.gateway.v1.Gateway.CreateAgentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.CreateAgentRequest,
      palyra.gateway.v1.Gateway.CreateAgentResponse> getCreateAgentMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.CreateAgentRequest, palyra.gateway.v1.Gateway.CreateAgentResponse> getCreateAgentMethod;
    if ((getCreateAgentMethod = GatewayServiceGrpc.getCreateAgentMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getCreateAgentMethod = GatewayServiceGrpc.getCreateAgentMethod) == null) {
          GatewayServiceGrpc.getCreateAgentMethod = getCreateAgentMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.CreateAgentRequest, palyra.gateway.v1.Gateway.CreateAgentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateAgent"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.CreateAgentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.CreateAgentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("CreateAgent"))
              .build();
        }
      }
    }
    return getCreateAgentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.DeleteAgentRequest,
      palyra.gateway.v1.Gateway.DeleteAgentResponse> getDeleteAgentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteAgent",
      requestType = palyra.gateway.v1.Gateway.DeleteAgentRequest.class,
      responseType = palyra.gateway.v1.Gateway.DeleteAgentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.DeleteAgentRequest,
      palyra.gateway.v1.Gateway.DeleteAgentResponse> getDeleteAgentMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.DeleteAgentRequest, palyra.gateway.v1.Gateway.DeleteAgentResponse> getDeleteAgentMethod;
    if ((getDeleteAgentMethod = GatewayServiceGrpc.getDeleteAgentMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getDeleteAgentMethod = GatewayServiceGrpc.getDeleteAgentMethod) == null) {
          GatewayServiceGrpc.getDeleteAgentMethod = getDeleteAgentMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.DeleteAgentRequest, palyra.gateway.v1.Gateway.DeleteAgentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteAgent"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.DeleteAgentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.DeleteAgentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("DeleteAgent"))
              .build();
        }
      }
    }
    return getDeleteAgentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.SetDefaultAgentRequest,
      palyra.gateway.v1.Gateway.SetDefaultAgentResponse> getSetDefaultAgentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SetDefaultAgent",
      requestType = palyra.gateway.v1.Gateway.SetDefaultAgentRequest.class,
      responseType = palyra.gateway.v1.Gateway.SetDefaultAgentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.SetDefaultAgentRequest,
      palyra.gateway.v1.Gateway.SetDefaultAgentResponse> getSetDefaultAgentMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.SetDefaultAgentRequest, palyra.gateway.v1.Gateway.SetDefaultAgentResponse> getSetDefaultAgentMethod;
    if ((getSetDefaultAgentMethod = GatewayServiceGrpc.getSetDefaultAgentMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getSetDefaultAgentMethod = GatewayServiceGrpc.getSetDefaultAgentMethod) == null) {
          GatewayServiceGrpc.getSetDefaultAgentMethod = getSetDefaultAgentMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.SetDefaultAgentRequest, palyra.gateway.v1.Gateway.SetDefaultAgentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SetDefaultAgent"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.SetDefaultAgentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.SetDefaultAgentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("SetDefaultAgent"))
              .build();
        }
      }
    }
    return getSetDefaultAgentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ListAgentBindingsRequest,
      palyra.gateway.v1.Gateway.ListAgentBindingsResponse> getListAgentBindingsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListAgentBindings",
      requestType = palyra.gateway.v1.Gateway.ListAgentBindingsRequest.class,
      responseType = palyra.gateway.v1.Gateway.ListAgentBindingsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ListAgentBindingsRequest,
      palyra.gateway.v1.Gateway.ListAgentBindingsResponse> getListAgentBindingsMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ListAgentBindingsRequest, palyra.gateway.v1.Gateway.ListAgentBindingsResponse> getListAgentBindingsMethod;
    if ((getListAgentBindingsMethod = GatewayServiceGrpc.getListAgentBindingsMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getListAgentBindingsMethod = GatewayServiceGrpc.getListAgentBindingsMethod) == null) {
          GatewayServiceGrpc.getListAgentBindingsMethod = getListAgentBindingsMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.ListAgentBindingsRequest, palyra.gateway.v1.Gateway.ListAgentBindingsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListAgentBindings"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ListAgentBindingsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ListAgentBindingsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("ListAgentBindings"))
              .build();
        }
      }
    }
    return getListAgentBindingsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.BindAgentForContextRequest,
      palyra.gateway.v1.Gateway.BindAgentForContextResponse> getBindAgentForContextMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BindAgentForContext",
      requestType = palyra.gateway.v1.Gateway.BindAgentForContextRequest.class,
      responseType = palyra.gateway.v1.Gateway.BindAgentForContextResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.BindAgentForContextRequest,
      palyra.gateway.v1.Gateway.BindAgentForContextResponse> getBindAgentForContextMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.BindAgentForContextRequest, palyra.gateway.v1.Gateway.BindAgentForContextResponse> getBindAgentForContextMethod;
    if ((getBindAgentForContextMethod = GatewayServiceGrpc.getBindAgentForContextMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getBindAgentForContextMethod = GatewayServiceGrpc.getBindAgentForContextMethod) == null) {
          GatewayServiceGrpc.getBindAgentForContextMethod = getBindAgentForContextMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.BindAgentForContextRequest, palyra.gateway.v1.Gateway.BindAgentForContextResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BindAgentForContext"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.BindAgentForContextRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.BindAgentForContextResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("BindAgentForContext"))
              .build();
        }
      }
    }
    return getBindAgentForContextMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.UnbindAgentForContextRequest,
      palyra.gateway.v1.Gateway.UnbindAgentForContextResponse> getUnbindAgentForContextMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UnbindAgentForContext",
      requestType = palyra.gateway.v1.Gateway.UnbindAgentForContextRequest.class,
      responseType = palyra.gateway.v1.Gateway.UnbindAgentForContextResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.UnbindAgentForContextRequest,
      palyra.gateway.v1.Gateway.UnbindAgentForContextResponse> getUnbindAgentForContextMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.UnbindAgentForContextRequest, palyra.gateway.v1.Gateway.UnbindAgentForContextResponse> getUnbindAgentForContextMethod;
    if ((getUnbindAgentForContextMethod = GatewayServiceGrpc.getUnbindAgentForContextMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getUnbindAgentForContextMethod = GatewayServiceGrpc.getUnbindAgentForContextMethod) == null) {
          GatewayServiceGrpc.getUnbindAgentForContextMethod = getUnbindAgentForContextMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.UnbindAgentForContextRequest, palyra.gateway.v1.Gateway.UnbindAgentForContextResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UnbindAgentForContext"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.UnbindAgentForContextRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.UnbindAgentForContextResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("UnbindAgentForContext"))
              .build();
        }
      }
    }
    return getUnbindAgentForContextMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ResolveAgentForContextRequest,
      palyra.gateway.v1.Gateway.ResolveAgentForContextResponse> getResolveAgentForContextMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ResolveAgentForContext",
      requestType = palyra.gateway.v1.Gateway.ResolveAgentForContextRequest.class,
      responseType = palyra.gateway.v1.Gateway.ResolveAgentForContextResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ResolveAgentForContextRequest,
      palyra.gateway.v1.Gateway.ResolveAgentForContextResponse> getResolveAgentForContextMethod() {
    io.grpc.MethodDescriptor<palyra.gateway.v1.Gateway.ResolveAgentForContextRequest, palyra.gateway.v1.Gateway.ResolveAgentForContextResponse> getResolveAgentForContextMethod;
    if ((getResolveAgentForContextMethod = GatewayServiceGrpc.getResolveAgentForContextMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getResolveAgentForContextMethod = GatewayServiceGrpc.getResolveAgentForContextMethod) == null) {
          GatewayServiceGrpc.getResolveAgentForContextMethod = getResolveAgentForContextMethod =
              io.grpc.MethodDescriptor.<palyra.gateway.v1.Gateway.ResolveAgentForContextRequest, palyra.gateway.v1.Gateway.ResolveAgentForContextResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ResolveAgentForContext"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ResolveAgentForContextRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.gateway.v1.Gateway.ResolveAgentForContextResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("ResolveAgentForContext"))
              .build();
        }
      }
    }
    return getResolveAgentForContextMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static GatewayServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GatewayServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GatewayServiceStub>() {
        @java.lang.Override
        public GatewayServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GatewayServiceStub(channel, callOptions);
        }
      };
    return GatewayServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static GatewayServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GatewayServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GatewayServiceBlockingStub>() {
        @java.lang.Override
        public GatewayServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GatewayServiceBlockingStub(channel, callOptions);
        }
      };
    return GatewayServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static GatewayServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GatewayServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GatewayServiceFutureStub>() {
        @java.lang.Override
        public GatewayServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GatewayServiceFutureStub(channel, callOptions);
        }
      };
    return GatewayServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Runs, sessions, message routing and agents (admin port).
   * </pre>
   */
  public static abstract class GatewayServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Liveness and build facts; needs no authentication.
     * </pre>
     */
    public void getHealth(palyra.gateway.v1.Gateway.HealthRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.HealthResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetHealthMethod(), responseObserver);
    }

    /**
     * <pre>
     * Bidirectional agent run: client input and approvals in, status, tokens and tool events out.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<palyra.common.v1.Common.RunStreamRequest> runStream(
        io.grpc.stub.StreamObserver<palyra.common.v1.Common.RunStreamEvent> responseObserver) {
      return io.grpc.stub.ServerCalls.asyncUnimplementedStreamingCall(getRunStreamMethod(), responseObserver);
    }

    /**
     * <pre>
     * Appends an event to the hash-chained run journal.
     * </pre>
     */
    public void appendEvent(palyra.gateway.v1.Gateway.AppendEventRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.AppendEventResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAppendEventMethod(), responseObserver);
    }

    /**
     * <pre>
     * Asks a run to stop.
     * </pre>
     */
    public void abortRun(palyra.gateway.v1.Gateway.AbortRunRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.AbortRunResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAbortRunMethod(), responseObserver);
    }

    /**
     * <pre>
     * Pages through the caller's sessions.
     * </pre>
     */
    public void listSessions(palyra.gateway.v1.Gateway.ListSessionsRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ListSessionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSessionsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Finds a session by id, key or label, creating or resetting it on request.
     * </pre>
     */
    public void resolveSession(palyra.gateway.v1.Gateway.ResolveSessionRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ResolveSessionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getResolveSessionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Archives a session and frees its key.
     * </pre>
     */
    public void cleanupSession(palyra.gateway.v1.Gateway.CleanupSessionRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.CleanupSessionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCleanupSessionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Connector ingress: admits a channel message and runs one agent turn for it.
     * </pre>
     */
    public void routeMessage(palyra.gateway.v1.Gateway.RouteMessageRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.RouteMessageResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRouteMessageMethod(), responseObserver);
    }

    /**
     * <pre>
     * Pages through the agent registry.
     * </pre>
     */
    public void listAgents(palyra.gateway.v1.Gateway.ListAgentsRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ListAgentsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListAgentsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads one agent.
     * </pre>
     */
    public void getAgent(palyra.gateway.v1.Gateway.GetAgentRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.GetAgentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetAgentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds an agent, optionally making it the default.
     * </pre>
     */
    public void createAgent(palyra.gateway.v1.Gateway.CreateAgentRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.CreateAgentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateAgentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Removes an agent and its bindings.
     * </pre>
     */
    public void deleteAgent(palyra.gateway.v1.Gateway.DeleteAgentRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.DeleteAgentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteAgentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Chooses the agent used when nothing else is bound.
     * </pre>
     */
    public void setDefaultAgent(palyra.gateway.v1.Gateway.SetDefaultAgentRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.SetDefaultAgentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSetDefaultAgentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists (principal, channel, session) to agent bindings.
     * </pre>
     */
    public void listAgentBindings(palyra.gateway.v1.Gateway.ListAgentBindingsRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ListAgentBindingsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListAgentBindingsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Binds an agent to a (principal, channel, session) context.
     * </pre>
     */
    public void bindAgentForContext(palyra.gateway.v1.Gateway.BindAgentForContextRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.BindAgentForContextResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getBindAgentForContextMethod(), responseObserver);
    }

    /**
     * <pre>
     * Removes the binding of a context.
     * </pre>
     */
    public void unbindAgentForContext(palyra.gateway.v1.Gateway.UnbindAgentForContextRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.UnbindAgentForContextResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUnbindAgentForContextMethod(), responseObserver);
    }

    /**
     * <pre>
     * Picks the agent for a context: its binding, else the default.
     * </pre>
     */
    public void resolveAgentForContext(palyra.gateway.v1.Gateway.ResolveAgentForContextRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ResolveAgentForContextResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getResolveAgentForContextMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getGetHealthMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.HealthRequest,
                palyra.gateway.v1.Gateway.HealthResponse>(
                  this, METHODID_GET_HEALTH)))
          .addMethod(
            getRunStreamMethod(),
            io.grpc.stub.ServerCalls.asyncBidiStreamingCall(
              new MethodHandlers<
                palyra.common.v1.Common.RunStreamRequest,
                palyra.common.v1.Common.RunStreamEvent>(
                  this, METHODID_RUN_STREAM)))
          .addMethod(
            getAppendEventMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.AppendEventRequest,
                palyra.gateway.v1.Gateway.AppendEventResponse>(
                  this, METHODID_APPEND_EVENT)))
          .addMethod(
            getAbortRunMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.AbortRunRequest,
                palyra.gateway.v1.Gateway.AbortRunResponse>(
                  this, METHODID_ABORT_RUN)))
          .addMethod(
            getListSessionsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.ListSessionsRequest,
                palyra.gateway.v1.Gateway.ListSessionsResponse>(
                  this, METHODID_LIST_SESSIONS)))
          .addMethod(
            getResolveSessionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.ResolveSessionRequest,
                palyra.gateway.v1.Gateway.ResolveSessionResponse>(
                  this, METHODID_RESOLVE_SESSION)))
          .addMethod(
            getCleanupSessionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.CleanupSessionRequest,
                palyra.gateway.v1.Gateway.CleanupSessionResponse>(
                  this, METHODID_CLEANUP_SESSION)))
          .addMethod(
            getRouteMessageMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.RouteMessageRequest,
                palyra.gateway.v1.Gateway.RouteMessageResponse>(
                  this, METHODID_ROUTE_MESSAGE)))
          .addMethod(
            getListAgentsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.ListAgentsRequest,
                palyra.gateway.v1.Gateway.ListAgentsResponse>(
                  this, METHODID_LIST_AGENTS)))
          .addMethod(
            getGetAgentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.GetAgentRequest,
                palyra.gateway.v1.Gateway.GetAgentResponse>(
                  this, METHODID_GET_AGENT)))
          .addMethod(
            getCreateAgentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.CreateAgentRequest,
                palyra.gateway.v1.Gateway.CreateAgentResponse>(
                  this, METHODID_CREATE_AGENT)))
          .addMethod(
            getDeleteAgentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.DeleteAgentRequest,
                palyra.gateway.v1.Gateway.DeleteAgentResponse>(
                  this, METHODID_DELETE_AGENT)))
          .addMethod(
            getSetDefaultAgentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.SetDefaultAgentRequest,
                palyra.gateway.v1.Gateway.SetDefaultAgentResponse>(
                  this, METHODID_SET_DEFAULT_AGENT)))
          .addMethod(
            getListAgentBindingsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.ListAgentBindingsRequest,
                palyra.gateway.v1.Gateway.ListAgentBindingsResponse>(
                  this, METHODID_LIST_AGENT_BINDINGS)))
          .addMethod(
            getBindAgentForContextMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.BindAgentForContextRequest,
                palyra.gateway.v1.Gateway.BindAgentForContextResponse>(
                  this, METHODID_BIND_AGENT_FOR_CONTEXT)))
          .addMethod(
            getUnbindAgentForContextMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.UnbindAgentForContextRequest,
                palyra.gateway.v1.Gateway.UnbindAgentForContextResponse>(
                  this, METHODID_UNBIND_AGENT_FOR_CONTEXT)))
          .addMethod(
            getResolveAgentForContextMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.gateway.v1.Gateway.ResolveAgentForContextRequest,
                palyra.gateway.v1.Gateway.ResolveAgentForContextResponse>(
                  this, METHODID_RESOLVE_AGENT_FOR_CONTEXT)))
          .build();
    }
  }

  /**
   * <pre>
   * Runs, sessions, message routing and agents (admin port).
   * </pre>
   */
  public static final class GatewayServiceStub extends io.grpc.stub.AbstractAsyncStub<GatewayServiceStub> {
    private GatewayServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GatewayServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GatewayServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Liveness and build facts; needs no authentication.
     * </pre>
     */
    public void getHealth(palyra.gateway.v1.Gateway.HealthRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.HealthResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetHealthMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Bidirectional agent run: client input and approvals in, status, tokens and tool events out.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<palyra.common.v1.Common.RunStreamRequest> runStream(
        io.grpc.stub.StreamObserver<palyra.common.v1.Common.RunStreamEvent> responseObserver) {
      return io.grpc.stub.ClientCalls.asyncBidiStreamingCall(
          getChannel().newCall(getRunStreamMethod(), getCallOptions()), responseObserver);
    }

    /**
     * <pre>
     * Appends an event to the hash-chained run journal.
     * </pre>
     */
    public void appendEvent(palyra.gateway.v1.Gateway.AppendEventRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.AppendEventResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAppendEventMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Asks a run to stop.
     * </pre>
     */
    public void abortRun(palyra.gateway.v1.Gateway.AbortRunRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.AbortRunResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAbortRunMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Pages through the caller's sessions.
     * </pre>
     */
    public void listSessions(palyra.gateway.v1.Gateway.ListSessionsRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ListSessionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSessionsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Finds a session by id, key or label, creating or resetting it on request.
     * </pre>
     */
    public void resolveSession(palyra.gateway.v1.Gateway.ResolveSessionRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ResolveSessionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getResolveSessionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Archives a session and frees its key.
     * </pre>
     */
    public void cleanupSession(palyra.gateway.v1.Gateway.CleanupSessionRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.CleanupSessionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCleanupSessionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Connector ingress: admits a channel message and runs one agent turn for it.
     * </pre>
     */
    public void routeMessage(palyra.gateway.v1.Gateway.RouteMessageRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.RouteMessageResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRouteMessageMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Pages through the agent registry.
     * </pre>
     */
    public void listAgents(palyra.gateway.v1.Gateway.ListAgentsRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ListAgentsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListAgentsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads one agent.
     * </pre>
     */
    public void getAgent(palyra.gateway.v1.Gateway.GetAgentRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.GetAgentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetAgentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds an agent, optionally making it the default.
     * </pre>
     */
    public void createAgent(palyra.gateway.v1.Gateway.CreateAgentRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.CreateAgentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateAgentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Removes an agent and its bindings.
     * </pre>
     */
    public void deleteAgent(palyra.gateway.v1.Gateway.DeleteAgentRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.DeleteAgentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteAgentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Chooses the agent used when nothing else is bound.
     * </pre>
     */
    public void setDefaultAgent(palyra.gateway.v1.Gateway.SetDefaultAgentRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.SetDefaultAgentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSetDefaultAgentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists (principal, channel, session) to agent bindings.
     * </pre>
     */
    public void listAgentBindings(palyra.gateway.v1.Gateway.ListAgentBindingsRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ListAgentBindingsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListAgentBindingsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Binds an agent to a (principal, channel, session) context.
     * </pre>
     */
    public void bindAgentForContext(palyra.gateway.v1.Gateway.BindAgentForContextRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.BindAgentForContextResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getBindAgentForContextMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Removes the binding of a context.
     * </pre>
     */
    public void unbindAgentForContext(palyra.gateway.v1.Gateway.UnbindAgentForContextRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.UnbindAgentForContextResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUnbindAgentForContextMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Picks the agent for a context: its binding, else the default.
     * </pre>
     */
    public void resolveAgentForContext(palyra.gateway.v1.Gateway.ResolveAgentForContextRequest request,
        io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ResolveAgentForContextResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getResolveAgentForContextMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Runs, sessions, message routing and agents (admin port).
   * </pre>
   */
  public static final class GatewayServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<GatewayServiceBlockingStub> {
    private GatewayServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GatewayServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GatewayServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Liveness and build facts; needs no authentication.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.HealthResponse getHealth(palyra.gateway.v1.Gateway.HealthRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetHealthMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Appends an event to the hash-chained run journal.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.AppendEventResponse appendEvent(palyra.gateway.v1.Gateway.AppendEventRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAppendEventMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Asks a run to stop.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.AbortRunResponse abortRun(palyra.gateway.v1.Gateway.AbortRunRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAbortRunMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Pages through the caller's sessions.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.ListSessionsResponse listSessions(palyra.gateway.v1.Gateway.ListSessionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSessionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Finds a session by id, key or label, creating or resetting it on request.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.ResolveSessionResponse resolveSession(palyra.gateway.v1.Gateway.ResolveSessionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getResolveSessionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Archives a session and frees its key.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.CleanupSessionResponse cleanupSession(palyra.gateway.v1.Gateway.CleanupSessionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCleanupSessionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Connector ingress: admits a channel message and runs one agent turn for it.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.RouteMessageResponse routeMessage(palyra.gateway.v1.Gateway.RouteMessageRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRouteMessageMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Pages through the agent registry.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.ListAgentsResponse listAgents(palyra.gateway.v1.Gateway.ListAgentsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListAgentsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one agent.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.GetAgentResponse getAgent(palyra.gateway.v1.Gateway.GetAgentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetAgentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds an agent, optionally making it the default.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.CreateAgentResponse createAgent(palyra.gateway.v1.Gateway.CreateAgentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateAgentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes an agent and its bindings.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.DeleteAgentResponse deleteAgent(palyra.gateway.v1.Gateway.DeleteAgentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteAgentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Chooses the agent used when nothing else is bound.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.SetDefaultAgentResponse setDefaultAgent(palyra.gateway.v1.Gateway.SetDefaultAgentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSetDefaultAgentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists (principal, channel, session) to agent bindings.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.ListAgentBindingsResponse listAgentBindings(palyra.gateway.v1.Gateway.ListAgentBindingsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListAgentBindingsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Binds an agent to a (principal, channel, session) context.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.BindAgentForContextResponse bindAgentForContext(palyra.gateway.v1.Gateway.BindAgentForContextRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getBindAgentForContextMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes the binding of a context.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.UnbindAgentForContextResponse unbindAgentForContext(palyra.gateway.v1.Gateway.UnbindAgentForContextRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUnbindAgentForContextMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Picks the agent for a context: its binding, else the default.
     * </pre>
     */
    public palyra.gateway.v1.Gateway.ResolveAgentForContextResponse resolveAgentForContext(palyra.gateway.v1.Gateway.ResolveAgentForContextRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getResolveAgentForContextMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Runs, sessions, message routing and agents (admin port).
   * </pre>
   */
  public static final class GatewayServiceFutureStub extends io.grpc.stub.AbstractFutureStub<GatewayServiceFutureStub> {
    private GatewayServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GatewayServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GatewayServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Liveness and build facts; needs no authentication.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.HealthResponse> getHealth(
        palyra.gateway.v1.Gateway.HealthRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetHealthMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Appends an event to the hash-chained run journal.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.AppendEventResponse> appendEvent(
        palyra.gateway.v1.Gateway.AppendEventRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAppendEventMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Asks a run to stop.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.AbortRunResponse> abortRun(
        palyra.gateway.v1.Gateway.AbortRunRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAbortRunMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Pages through the caller's sessions.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.ListSessionsResponse> listSessions(
        palyra.gateway.v1.Gateway.ListSessionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSessionsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Finds a session by id, key or label, creating or resetting it on request.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.ResolveSessionResponse> resolveSession(
        palyra.gateway.v1.Gateway.ResolveSessionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getResolveSessionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Archives a session and frees its key.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.CleanupSessionResponse> cleanupSession(
        palyra.gateway.v1.Gateway.CleanupSessionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCleanupSessionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Connector ingress: admits a channel message and runs one agent turn for it.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.RouteMessageResponse> routeMessage(
        palyra.gateway.v1.Gateway.RouteMessageRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRouteMessageMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Pages through the agent registry.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.ListAgentsResponse> listAgents(
        palyra.gateway.v1.Gateway.ListAgentsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListAgentsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads one agent.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.GetAgentResponse> getAgent(
        palyra.gateway.v1.Gateway.GetAgentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetAgentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds an agent, optionally making it the default.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.CreateAgentResponse> createAgent(
        palyra.gateway.v1.Gateway.CreateAgentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateAgentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Removes an agent and its bindings.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.DeleteAgentResponse> deleteAgent(
        palyra.gateway.v1.Gateway.DeleteAgentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteAgentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Chooses the agent used when nothing else is bound.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.SetDefaultAgentResponse> setDefaultAgent(
        palyra.gateway.v1.Gateway.SetDefaultAgentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSetDefaultAgentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists (principal, channel, session) to agent bindings.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.ListAgentBindingsResponse> listAgentBindings(
        palyra.gateway.v1.Gateway.ListAgentBindingsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListAgentBindingsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Binds an agent to a (principal, channel, session) context.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.BindAgentForContextResponse> bindAgentForContext(
        palyra.gateway.v1.Gateway.BindAgentForContextRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getBindAgentForContextMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Removes the binding of a context.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.UnbindAgentForContextResponse> unbindAgentForContext(
        palyra.gateway.v1.Gateway.UnbindAgentForContextRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUnbindAgentForContextMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Picks the agent for a context: its binding, else the default.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.gateway.v1.Gateway.ResolveAgentForContextResponse> resolveAgentForContext(
        palyra.gateway.v1.Gateway.ResolveAgentForContextRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getResolveAgentForContextMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_GET_HEALTH = 0;
  private static final int METHODID_APPEND_EVENT = 1;
  private static final int METHODID_ABORT_RUN = 2;
  private static final int METHODID_LIST_SESSIONS = 3;
  private static final int METHODID_RESOLVE_SESSION = 4;
  private static final int METHODID_CLEANUP_SESSION = 5;
  private static final int METHODID_ROUTE_MESSAGE = 6;
  private static final int METHODID_LIST_AGENTS = 7;
  private static final int METHODID_GET_AGENT = 8;
  private static final int METHODID_CREATE_AGENT = 9;
  private static final int METHODID_DELETE_AGENT = 10;
  private static final int METHODID_SET_DEFAULT_AGENT = 11;
  private static final int METHODID_LIST_AGENT_BINDINGS = 12;
  private static final int METHODID_BIND_AGENT_FOR_CONTEXT = 13;
  private static final int METHODID_UNBIND_AGENT_FOR_CONTEXT = 14;
  private static final int METHODID_RESOLVE_AGENT_FOR_CONTEXT = 15;
  private static final int METHODID_RUN_STREAM = 16;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final GatewayServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(GatewayServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_GET_HEALTH:
          serviceImpl.getHealth((palyra.gateway.v1.Gateway.HealthRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.HealthResponse>) responseObserver);
          break;
        case METHODID_APPEND_EVENT:
          serviceImpl.appendEvent((palyra.gateway.v1.Gateway.AppendEventRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.AppendEventResponse>) responseObserver);
          break;
        case METHODID_ABORT_RUN:
          serviceImpl.abortRun((palyra.gateway.v1.Gateway.AbortRunRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.AbortRunResponse>) responseObserver);
          break;
        case METHODID_LIST_SESSIONS:
          serviceImpl.listSessions((palyra.gateway.v1.Gateway.ListSessionsRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ListSessionsResponse>) responseObserver);
          break;
        case METHODID_RESOLVE_SESSION:
          serviceImpl.resolveSession((palyra.gateway.v1.Gateway.ResolveSessionRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ResolveSessionResponse>) responseObserver);
          break;
        case METHODID_CLEANUP_SESSION:
          serviceImpl.cleanupSession((palyra.gateway.v1.Gateway.CleanupSessionRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.CleanupSessionResponse>) responseObserver);
          break;
        case METHODID_ROUTE_MESSAGE:
          serviceImpl.routeMessage((palyra.gateway.v1.Gateway.RouteMessageRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.RouteMessageResponse>) responseObserver);
          break;
        case METHODID_LIST_AGENTS:
          serviceImpl.listAgents((palyra.gateway.v1.Gateway.ListAgentsRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ListAgentsResponse>) responseObserver);
          break;
        case METHODID_GET_AGENT:
          serviceImpl.getAgent((palyra.gateway.v1.Gateway.GetAgentRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.GetAgentResponse>) responseObserver);
          break;
        case METHODID_CREATE_AGENT:
          serviceImpl.createAgent((palyra.gateway.v1.Gateway.CreateAgentRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.CreateAgentResponse>) responseObserver);
          break;
        case METHODID_DELETE_AGENT:
          serviceImpl.deleteAgent((palyra.gateway.v1.Gateway.DeleteAgentRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.DeleteAgentResponse>) responseObserver);
          break;
        case METHODID_SET_DEFAULT_AGENT:
          serviceImpl.setDefaultAgent((palyra.gateway.v1.Gateway.SetDefaultAgentRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.SetDefaultAgentResponse>) responseObserver);
          break;
        case METHODID_LIST_AGENT_BINDINGS:
          serviceImpl.listAgentBindings((palyra.gateway.v1.Gateway.ListAgentBindingsRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ListAgentBindingsResponse>) responseObserver);
          break;
        case METHODID_BIND_AGENT_FOR_CONTEXT:
          serviceImpl.bindAgentForContext((palyra.gateway.v1.Gateway.BindAgentForContextRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.BindAgentForContextResponse>) responseObserver);
          break;
        case METHODID_UNBIND_AGENT_FOR_CONTEXT:
          serviceImpl.unbindAgentForContext((palyra.gateway.v1.Gateway.UnbindAgentForContextRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.UnbindAgentForContextResponse>) responseObserver);
          break;
        case METHODID_RESOLVE_AGENT_FOR_CONTEXT:
          serviceImpl.resolveAgentForContext((palyra.gateway.v1.Gateway.ResolveAgentForContextRequest) request,
              (io.grpc.stub.StreamObserver<palyra.gateway.v1.Gateway.ResolveAgentForContextResponse>) responseObserver);
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
        case METHODID_RUN_STREAM:
          return (io.grpc.stub.StreamObserver<Req>) serviceImpl.runStream(
              (io.grpc.stub.StreamObserver<palyra.common.v1.Common.RunStreamEvent>) responseObserver);
        default:
          throw new AssertionError();
      }
    }
  }

  private static abstract class GatewayServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    GatewayServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return palyra.gateway.v1.Gateway.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("GatewayService");
    }
  }

  private static final class GatewayServiceFileDescriptorSupplier
      extends GatewayServiceBaseDescriptorSupplier {
    GatewayServiceFileDescriptorSupplier() {}
  }

  private static final class GatewayServiceMethodDescriptorSupplier
      extends GatewayServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    GatewayServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (GatewayServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new GatewayServiceFileDescriptorSupplier())
              .addMethod(getGetHealthMethod())
              .addMethod(getRunStreamMethod())
              .addMethod(getAppendEventMethod())
              .addMethod(getAbortRunMethod())
              .addMethod(getListSessionsMethod())
              .addMethod(getResolveSessionMethod())
              .addMethod(getCleanupSessionMethod())
              .addMethod(getRouteMessageMethod())
              .addMethod(getListAgentsMethod())
              .addMethod(getGetAgentMethod())
              .addMethod(getCreateAgentMethod())
              .addMethod(getDeleteAgentMethod())
              .addMethod(getSetDefaultAgentMethod())
              .addMethod(getListAgentBindingsMethod())
              .addMethod(getBindAgentForContextMethod())
              .addMethod(getUnbindAgentForContextMethod())
              .addMethod(getResolveAgentForContextMethod())
              .build();
        }
      }
    }
    return result;
  }
}
