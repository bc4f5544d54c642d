package palyra.admin.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: palyra/admin/v1/operator.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class OperatorServiceGrpc {

  private OperatorServiceGrpc() {}

  public static final String SERVICE_NAME = "palyra.admin.v1.OperatorService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.MintPairingCodeRequest,
      palyra.admin.v1.Operator.MintPairingCodeResponse> getMintPairingCodeMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "MintPairingCode",
      requestType = palyra.admin.v1.Operator.MintPairingCodeRequest.class,
      responseType = palyra.admin.v1.Operator.MintPairingCodeResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.MintPairingCodeRequest,
      palyra.admin.v1.Operator.MintPairingCodeResponse> getMintPairingCodeMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.MintPairingCodeRequest, palyra.admin.v1.Operator.MintPairingCodeResponse> getMintPairingCodeMethod;
    if ((getMintPairingCodeMethod = OperatorServiceGrpc.getMintPairingCodeMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getMintPairingCodeMethod = OperatorServiceGrpc.getMintPairingCodeMethod) == null) {
          OperatorServiceGrpc.getMintPairingCodeMethod = getMintPairingCodeMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.MintPairingCodeRequest, palyra.admin.v1.Operator.MintPairingCodeResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "MintPairingCode"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.MintPairingCodeRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.MintPairingCodeResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("MintPairingCode"))
              .build();
        }
      }
    }
    return getMintPairingCodeMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ListPairingCodesRequest,
      palyra.admin.v1.Operator.ListPairingCodesResponse> getListPairingCodesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListPairingCodes",
      requestType = palyra.admin.v1.Operator.ListPairingCodesRequest.class,
      responseType = palyra.admin.v1.Operator.ListPairingCodesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ListPairingCodesRequest,
      palyra.admin.v1.Operator.ListPairingCodesResponse> getListPairingCodesMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ListPairingCodesRequest, palyra.admin.v1.Operator.ListPairingCodesResponse> getListPairingCodesMethod;
    if ((getListPairingCodesMethod = OperatorServiceGrpc.getListPairingCodesMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getListPairingCodesMethod = OperatorServiceGrpc.getListPairingCodesMethod) == null) {
          OperatorServiceGrpc.getListPairingCodesMethod = getListPairingCodesMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.ListPairingCodesRequest, palyra.admin.v1.Operator.ListPairingCodesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListPairingCodes"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.ListPairingCodesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.ListPairingCodesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("ListPairingCodes"))
              .build();
        }
      }
    }
    return getListPairingCodesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.CancelPairingCodeRequest,
      palyra.admin.v1.Operator.CancelPairingCodeResponse> getCancelPairingCodeMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CancelPairingCode",
      requestType = palyra.admin.v1.Operator.CancelPairingCodeRequest.class,
      responseType = palyra.admin.v1.Operator.CancelPairingCodeResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.CancelPairingCodeRequest,
      palyra.admin.v1.Operator.CancelPairingCodeResponse> getCancelPairingCodeMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.CancelPairingCodeRequest, palyra.admin.v1.Operator.CancelPairingCodeResponse> getCancelPairingCodeMethod;
    if ((getCancelPairingCodeMethod = OperatorServiceGrpc.getCancelPairingCodeMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getCancelPairingCodeMethod = OperatorServiceGrpc.getCancelPairingCodeMethod) == null) {
          OperatorServiceGrpc.getCancelPairingCodeMethod = getCancelPairingCodeMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.CancelPairingCodeRequest, palyra.admin.v1.Operator.CancelPairingCodeResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CancelPairingCode"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.CancelPairingCodeRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.CancelPairingCodeResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("CancelPairingCode"))
              .build();
        }
      }
    }
    return getCancelPairingCodeMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ListPairingRequestsRequest,
      palyra.admin.v1.Operator.ListPairingRequestsResponse> getListPairingRequestsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListPairingRequests",
      requestType = palyra.admin.v1.Operator.ListPairingRequestsRequest.class,
      responseType = palyra.admin.v1.Operator.ListPairingRequestsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ListPairingRequestsRequest,
      palyra.admin.v1.Operator.ListPairingRequestsResponse> getListPairingRequestsMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ListPairingRequestsRequest, palyra.admin.v1.Operator.ListPairingRequestsResponse> getListPairingRequestsMethod;
    if ((getListPairingRequestsMethod = OperatorServiceGrpc.getListPairingRequestsMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getListPairingRequestsMethod = OperatorServiceGrpc.getListPairingRequestsMethod) == null) {
          OperatorServiceGrpc.getListPairingRequestsMethod = getListPairingRequestsMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.ListPairingRequestsRequest, palyra.admin.v1.Operator.ListPairingRequestsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListPairingRequests"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.ListPairingRequestsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.ListPairingRequestsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("ListPairingRequests"))
              .build();
        }
      }
    }
    return getListPairingRequestsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.GetPairingRequestRequest,
      palyra.admin.v1.Operator.GetPairingRequestResponse> getGetPairingRequestMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetPairingRequest",
      requestType = palyra.admin.v1.Operator.GetPairingRequestRequest.class,
      responseType = palyra.admin.v1.Operator.GetPairingRequestResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.GetPairingRequestRequest,
      palyra.admin.v1.Operator.GetPairingRequestResponse> getGetPairingRequestMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.GetPairingRequestRequest, palyra.admin.v1.Operator.GetPairingRequestResponse> getGetPairingRequestMethod;
    if ((getGetPairingRequestMethod = OperatorServiceGrpc.getGetPairingRequestMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getGetPairingRequestMethod = OperatorServiceGrpc.getGetPairingRequestMethod) == null) {
          OperatorServiceGrpc.getGetPairingRequestMethod = getGetPairingRequestMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.GetPairingRequestRequest, palyra.admin.v1.Operator.GetPairingRequestResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetPairingRequest"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.GetPairingRequestRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.GetPairingRequestResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("GetPairingRequest"))
              .build();
        }
      }
    }
    return getGetPairingRequestMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ApprovePairingRequestRequest,
      palyra.admin.v1.Operator.ApprovePairingRequestResponse> getApprovePairingRequestMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ApprovePairingRequest",
      requestType = palyra.admin.v1.Operator.ApprovePairingRequestRequest.class,
      responseType = palyra.admin.v1.Operator.ApprovePairingRequestResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ApprovePairingRequestRequest,
      palyra.admin.v1.Operator.ApprovePairingRequestResponse> getApprovePairingRequestMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ApprovePairingRequestRequest, palyra.admin.v1.Operator.ApprovePairingRequestResponse> getApprovePairingRequestMethod;
    if ((getApprovePairingRequestMethod = OperatorServiceGrpc.getApprovePairingRequestMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getApprovePairingRequestMethod = OperatorServiceGrpc.getApprovePairingRequestMethod) == null) {
          OperatorServiceGrpc.getApprovePairingRequestMethod = getApprovePairingRequestMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.ApprovePairingRequestRequest, palyra.admin.v1.Operator.ApprovePairingRequestResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ApprovePairingRequest"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.ApprovePairingRequestRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.ApprovePairingRequestResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("ApprovePairingRequest"))
              .build();
        }
      }
    }
    return getApprovePairingRequestMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.RejectPairingRequestRequest,
      palyra.admin.v1.Operator.RejectPairingRequestResponse> getRejectPairingRequestMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RejectPairingRequest",
      requestType = palyra.admin.v1.Operator.RejectPairingRequestRequest.class,
      responseType = palyra.admin.v1.Operator.RejectPairingRequestResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.RejectPairingRequestRequest,
      palyra.admin.v1.Operator.RejectPairingRequestResponse> getRejectPairingRequestMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.RejectPairingRequestRequest, palyra.admin.v1.Operator.RejectPairingRequestResponse> getRejectPairingRequestMethod;
    if ((getRejectPairingRequestMethod = OperatorServiceGrpc.getRejectPairingRequestMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getRejectPairingRequestMethod = OperatorServiceGrpc.getRejectPairingRequestMethod) == null) {
          OperatorServiceGrpc.getRejectPairingRequestMethod = getRejectPairingRequestMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.RejectPairingRequestRequest, palyra.admin.v1.Operator.RejectPairingRequestResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RejectPairingRequest"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.RejectPairingRequestRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.RejectPairingRequestResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("RejectPairingRequest"))
              .build();
        }
      }
    }
    return getRejectPairingRequestMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ListNodesRequest,
      palyra.admin.v1.Operator.ListNodesResponse> getListNodesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListNodes",
      requestType = palyra.admin.v1.Operator.ListNodesRequest.class,
      responseType = palyra.admin.v1.Operator.ListNodesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ListNodesRequest,
      palyra.admin.v1.Operator.ListNodesResponse> getListNodesMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ListNodesRequest, palyra.admin.v1.Operator.ListNodesResponse> getListNodesMethod;
    if ((getListNodesMethod = OperatorServiceGrpc.getListNodesMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getListNodesMethod = OperatorServiceGrpc.getListNodesMethod) == null) {
          OperatorServiceGrpc.getListNodesMethod = getListNodesMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.ListNodesRequest, palyra.admin.v1.Operator.ListNodesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListNodes"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.ListNodesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.ListNodesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("ListNodes"))
              .build();
        }
      }
    }
    return getListNodesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.GetNodeRequest,
      palyra.admin.v1.Operator.GetNodeResponse> getGetNodeMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetNode",
      requestType = palyra.admin.v1.Operator.GetNodeRequest.class,
      responseType = palyra.admin.v1.Operator.GetNodeResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.GetNodeRequest,
      palyra.admin.v1.Operator.GetNodeResponse> getGetNodeMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.GetNodeRequest, palyra.admin.v1.Operator.GetNodeResponse> getGetNodeMethod;
    if ((getGetNodeMethod = OperatorServiceGrpc.getGetNodeMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getGetNodeMethod = OperatorServiceGrpc.getGetNodeMethod) == null) {
          OperatorServiceGrpc.getGetNodeMethod = getGetNodeMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.GetNodeRequest, palyra.admin.v1.Operator.GetNodeResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetNode"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.GetNodeRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.GetNodeResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("GetNode"))
              .build();
        }
      }
    }
    return getGetNodeMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.SetNodeCapabilityRequest,
      palyra.admin.v1.Operator.SetNodeCapabilityResponse> getSetNodeCapabilityMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SetNodeCapability",
      requestType = palyra.admin.v1.Operator.SetNodeCapabilityRequest.class,
      responseType = palyra.admin.v1.Operator.SetNodeCapabilityResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.SetNodeCapabilityRequest,
      palyra.admin.v1.Operator.SetNodeCapabilityResponse> getSetNodeCapabilityMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.SetNodeCapabilityRequest, palyra.admin.v1.Operator.SetNodeCapabilityResponse> getSetNodeCapabilityMethod;
    if ((getSetNodeCapabilityMethod = OperatorServiceGrpc.getSetNodeCapabilityMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getSetNodeCapabilityMethod = OperatorServiceGrpc.getSetNodeCapabilityMethod) == null) {
          OperatorServiceGrpc.getSetNodeCapabilityMethod = getSetNodeCapabilityMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.SetNodeCapabilityRequest, palyra.admin.v1.Operator.SetNodeCapabilityResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SetNodeCapability"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.SetNodeCapabilityRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.SetNodeCapabilityResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("SetNodeCapability"))
              .build();
        }
      }
    }
    return getSetNodeCapabilityMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.InvokeCapabilityRequest,
      palyra.admin.v1.Operator.InvokeCapabilityResponse> getInvokeCapabilityMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "InvokeCapability",
      requestType = palyra.admin.v1.Operator.InvokeCapabilityRequest.class,
      responseType = palyra.admin.v1.Operator.InvokeCapabilityResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.InvokeCapabilityRequest,
      palyra.admin.v1.Operator.InvokeCapabilityResponse> getInvokeCapabilityMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.InvokeCapabilityRequest, palyra.admin.v1.Operator.InvokeCapabilityResponse> getInvokeCapabilityMethod;
    if ((getInvokeCapabilityMethod = OperatorServiceGrpc.getInvokeCapabilityMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getInvokeCapabilityMethod = OperatorServiceGrpc.getInvokeCapabilityMethod) == null) {
          OperatorServiceGrpc.getInvokeCapabilityMethod = getInvokeCapabilityMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.InvokeCapabilityRequest, palyra.admin.v1.Operator.InvokeCapabilityResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "InvokeCapability"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.InvokeCapabilityRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.InvokeCapabilityResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("InvokeCapability"))
              .build();
        }
      }
    }
    return getInvokeCapabilityMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ListCapabilityRequestsRequest,
      palyra.admin.v1.Operator.ListCapabilityRequestsResponse> getListCapabilityRequestsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListCapabilityRequests",
      requestType = palyra.admin.v1.Operator.ListCapabilityRequestsRequest.class,
      responseType = palyra.admin.v1.Operator.ListCapabilityRequestsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ListCapabilityRequestsRequest,
      palyra.admin.v1.Operator.ListCapabilityRequestsResponse> getListCapabilityRequestsMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ListCapabilityRequestsRequest, palyra.admin.v1.Operator.ListCapabilityRequestsResponse> getListCapabilityRequestsMethod;
    if ((getListCapabilityRequestsMethod = OperatorServiceGrpc.getListCapabilityRequestsMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getListCapabilityRequestsMethod = OperatorServiceGrpc.getListCapabilityRequestsMethod) == null) {
          OperatorServiceGrpc.getListCapabilityRequestsMethod = getListCapabilityRequestsMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.ListCapabilityRequestsRequest, palyra.admin.v1.Operator.ListCapabilityRequestsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListCapabilityRequests"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.ListCapabilityRequestsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.ListCapabilityRequestsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("ListCapabilityRequests"))
              .build();
        }
      }
    }
    return getListCapabilityRequestsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.WatchNodePresenceRequest,
      palyra.admin.v1.Operator.WatchNodePresenceResponse> getWatchNodePresenceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchNodePresence",
      requestType = palyra.admin.v1.Operator.WatchNodePresenceRequest.class,
      responseType = palyra.admin.v1.Operator.WatchNodePresenceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.WatchNodePresenceRequest,
      palyra.admin.v1.Operator.WatchNodePresenceResponse> getWatchNodePresenceMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.WatchNodePresenceRequest, palyra.admin.v1.Operator.WatchNodePresenceResponse> getWatchNodePresenceMethod;
    if ((getWatchNodePresenceMethod = OperatorServiceGrpc.getWatchNodePresenceMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getWatchNodePresenceMethod = OperatorServiceGrpc.getWatchNodePresenceMethod) == null) {
          OperatorServiceGrpc.getWatchNodePresenceMethod = getWatchNodePresenceMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.WatchNodePresenceRequest, palyra.admin.v1.Operator.WatchNodePresenceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchNodePresence"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.WatchNodePresenceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.WatchNodePresenceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("WatchNodePresence"))
              .build();
        }
      }
    }
    return getWatchNodePresenceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ListDevicesRequest,
      palyra.admin.v1.Operator.ListDevicesResponse> getListDevicesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListDevices",
      requestType = palyra.admin.v1.Operator.ListDevicesRequest.class,
      responseType = palyra.admin.v1.Operator.ListDevicesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ListDevicesRequest,
      palyra.admin.v1.Operator.ListDevicesResponse> getListDevicesMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.ListDevicesRequest, palyra.admin.v1.Operator.ListDevicesResponse> getListDevicesMethod;
    if ((getListDevicesMethod = OperatorServiceGrpc.getListDevicesMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getListDevicesMethod = OperatorServiceGrpc.getListDevicesMethod) == null) {
          OperatorServiceGrpc.getListDevicesMethod = getListDevicesMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.ListDevicesRequest, palyra.admin.v1.Operator.ListDevicesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListDevices"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.ListDevicesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.ListDevicesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("ListDevices"))
              .build();
        }
      }
    }
    return getListDevicesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.RotateDeviceRequest,
      palyra.admin.v1.Operator.RotateDeviceResponse> getRotateDeviceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RotateDevice",
      requestType = palyra.admin.v1.Operator.RotateDeviceRequest.class,
      responseType = palyra.admin.v1.Operator.RotateDeviceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.RotateDeviceRequest,
      palyra.admin.v1.Operator.RotateDeviceResponse> getRotateDeviceMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.RotateDeviceRequest, palyra.admin.v1.Operator.RotateDeviceResponse> getRotateDeviceMethod;
    if ((getRotateDeviceMethod = OperatorServiceGrpc.getRotateDeviceMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getRotateDeviceMethod = OperatorServiceGrpc.getRotateDeviceMethod) == null) {
          OperatorServiceGrpc.getRotateDeviceMethod = getRotateDeviceMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.RotateDeviceRequest, palyra.admin.v1.Operator.RotateDeviceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RotateDevice"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.RotateDeviceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.RotateDeviceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("RotateDevice"))
              .build();
        }
      }
    }
    return getRotateDeviceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.RevokeDeviceRequest,
      palyra.admin.v1.Operator.RevokeDeviceResponse> getRevokeDeviceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RevokeDevice",
      requestType = palyra.admin.v1.Operator.RevokeDeviceRequest.class,
      responseType = palyra.admin.v1.Operator.RevokeDeviceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.RevokeDeviceRequest,
      palyra.admin.v1.Operator.RevokeDeviceResponse> getRevokeDeviceMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.RevokeDeviceRequest, palyra.admin.v1.Operator.RevokeDeviceResponse> getRevokeDeviceMethod;
    if ((getRevokeDeviceMethod = OperatorServiceGrpc.getRevokeDeviceMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getRevokeDeviceMethod = OperatorServiceGrpc.getRevokeDeviceMethod) == null) {
          OperatorServiceGrpc.getRevokeDeviceMethod = getRevokeDeviceMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.RevokeDeviceRequest, palyra.admin.v1.Operator.RevokeDeviceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RevokeDevice"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.RevokeDeviceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.RevokeDeviceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("RevokeDevice"))
              .build();
        }
      }
    }
    return getRevokeDeviceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.RemoveDeviceRequest,
      palyra.admin.v1.Operator.RemoveDeviceResponse> getRemoveDeviceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RemoveDevice",
      requestType = palyra.admin.v1.Operator.RemoveDeviceRequest.class,
      responseType = palyra.admin.v1.Operator.RemoveDeviceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.RemoveDeviceRequest,
      palyra.admin.v1.Operator.RemoveDeviceResponse> getRemoveDeviceMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.RemoveDeviceRequest, palyra.admin.v1.Operator.RemoveDeviceResponse> getRemoveDeviceMethod;
    if ((getRemoveDeviceMethod = OperatorServiceGrpc.getRemoveDeviceMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getRemoveDeviceMethod = OperatorServiceGrpc.getRemoveDeviceMethod) == null) {
          OperatorServiceGrpc.getRemoveDeviceMethod = getRemoveDeviceMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.RemoveDeviceRequest, palyra.admin.v1.Operator.RemoveDeviceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RemoveDevice"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.RemoveDeviceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.RemoveDeviceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("RemoveDevice"))
              .build();
        }
      }
    }
    return getRemoveDeviceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<palyra.admin.v1.Operator.GetGatewayCaRequest,
      palyra.admin.v1.Operator.GetGatewayCaResponse> getGetGatewayCaMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetGatewayCa",
      requestType = palyra.admin.v1.Operator.GetGatewayCaRequest.class,
      responseType = palyra.admin.v1.Operator.GetGatewayCaResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<palyra.admin.v1.Operator.GetGatewayCaRequest,
      palyra.admin.v1.Operator.GetGatewayCaResponse> getGetGatewayCaMethod() {
    io.grpc.MethodDescriptor<palyra.admin.v1.Operator.GetGatewayCaRequest, palyra.admin.v1.Operator.GetGatewayCaResponse> getGetGatewayCaMethod;
    if ((getGetGatewayCaMethod = OperatorServiceGrpc.getGetGatewayCaMethod) == null) {
      synchronized (OperatorServiceGrpc.class) {
        if ((getGetGatewayCaMethod = OperatorServiceGrpc.getGetGatewayCaMethod) == null) {
          OperatorServiceGrpc.getGetGatewayCaMethod = getGetGatewayCaMethod =
              io.grpc.MethodDescriptor.<palyra.admin.v1.Operator.GetGatewayCaRequest, palyra.admin.v1.Operator.GetGatewayCaResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetGatewayCa"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.GetGatewayCaRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  palyra.admin.v1.Operator.GetGatewayCaResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OperatorServiceMethodDescriptorSupplier("GetGatewayCa"))
              .build();
        }
      }
    }
    return getGetGatewayCaMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static OperatorServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<OperatorServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<OperatorServiceStub>() {
        @java.lang.Override
        public OperatorServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new OperatorServiceStub(channel, callOptions);
        }
      };
    return OperatorServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static OperatorServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<OperatorServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<OperatorServiceBlockingStub>() {
        @java.lang.Override
        public OperatorServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new OperatorServiceBlockingStub(channel, callOptions);
        }
      };
    return OperatorServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static OperatorServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<OperatorServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<OperatorServiceFutureStub>() {
        @java.lang.Override
        public OperatorServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new OperatorServiceFutureStub(channel, callOptions);
        }
      };
    return OperatorServiceFutureStub.newStub(factory, channel);
  }

  /**
   */
  public static abstract class OperatorServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Mints a PIN or QR pairing code. The code is in this response only; it is stored hashed.
     * </pre>
     */
    public void mintPairingCode(palyra.admin.v1.Operator.MintPairingCodeRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.MintPairingCodeResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getMintPairingCodeMethod(), responseObserver);
    }

    /**
     * <pre>
     * Live pairing codes (metadata only, never the code).
     * </pre>
     */
    public void listPairingCodes(palyra.admin.v1.Operator.ListPairingCodesRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ListPairingCodesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListPairingCodesMethod(), responseObserver);
    }

    /**
     */
    public void cancelPairingCode(palyra.admin.v1.Operator.CancelPairingCodeRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.CancelPairingCodeResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCancelPairingCodeMethod(), responseObserver);
    }

    /**
     * <pre>
     * Pairing requests of verified devices, newest first.
     * </pre>
     */
    public void listPairingRequests(palyra.admin.v1.Operator.ListPairingRequestsRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ListPairingRequestsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListPairingRequestsMethod(), responseObserver);
    }

    /**
     */
    public void getPairingRequest(palyra.admin.v1.Operator.GetPairingRequestRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.GetPairingRequestResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetPairingRequestMethod(), responseObserver);
    }

    /**
     * <pre>
     * pending_approval -&gt; approved. A timed-out request cannot be approved.
     * </pre>
     */
    public void approvePairingRequest(palyra.admin.v1.Operator.ApprovePairingRequestRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ApprovePairingRequestResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getApprovePairingRequestMethod(), responseObserver);
    }

    /**
     * <pre>
     * pending_approval -&gt; rejected.
     * </pre>
     */
    public void rejectPairingRequest(palyra.admin.v1.Operator.RejectPairingRequestRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.RejectPairingRequestResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRejectPairingRequestMethod(), responseObserver);
    }

    /**
     * <pre>
     * Registered nodes with their presence and capabilities, by device id.
     * </pre>
     */
    public void listNodes(palyra.admin.v1.Operator.ListNodesRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ListNodesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListNodesMethod(), responseObserver);
    }

    /**
     */
    public void getNode(palyra.admin.v1.Operator.GetNodeRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.GetNodeResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetNodeMethod(), responseObserver);
    }

    /**
     * <pre>
     * Grants (available) or revokes one capability of a registered node; the node hears it as a
     * capability.granted / capability.revoked event on its QUIC event stream.
     * </pre>
     */
    public void setNodeCapability(palyra.admin.v1.Operator.SetNodeCapabilityRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.SetNodeCapabilityResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSetNodeCapabilityMethod(), responseObserver);
    }

    /**
     * <pre>
     * Queues a capability request for a node and waits for it to end (or for the timeout).
     * </pre>
     */
    public void invokeCapability(palyra.admin.v1.Operator.InvokeCapabilityRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.InvokeCapabilityResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getInvokeCapabilityMethod(), responseObserver);
    }

    /**
     * <pre>
     * A node's capability requests, newest first.
     * </pre>
     */
    public void listCapabilityRequests(palyra.admin.v1.Operator.ListCapabilityRequestsRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ListCapabilityRequestsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListCapabilityRequestsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Presence changes as they happen, after a snapshot of every node's current presence.
     * </pre>
     */
    public void watchNodePresence(palyra.admin.v1.Operator.WatchNodePresenceRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.WatchNodePresenceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchNodePresenceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Paired devices and their certificates.
     * </pre>
     */
    public void listDevices(palyra.admin.v1.Operator.ListDevicesRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ListDevicesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListDevicesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Issues a new certificate now; the old ones are revoked.
     * </pre>
     */
    public void rotateDevice(palyra.admin.v1.Operator.RotateDeviceRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.RotateDeviceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRotateDeviceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Revokes every certificate of the device and bars it from pairing again until cleared.
     * </pre>
     */
    public void revokeDevice(palyra.admin.v1.Operator.RevokeDeviceRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.RevokeDeviceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRevokeDeviceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Unpairs the device and revokes its certificates; it may pair again.
     * </pre>
     */
    public void removeDevice(palyra.admin.v1.Operator.RemoveDeviceRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.RemoveDeviceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRemoveDeviceMethod(), responseObserver);
    }

    /**
     * <pre>
     * The gateway CA certificate and where the node listener is, for pinning by devices.
     * </pre>
     */
    public void getGatewayCa(palyra.admin.v1.Operator.GetGatewayCaRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.GetGatewayCaResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetGatewayCaMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getMintPairingCodeMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.MintPairingCodeRequest,
                palyra.admin.v1.Operator.MintPairingCodeResponse>(
                  this, METHODID_MINT_PAIRING_CODE)))
          .addMethod(
            getListPairingCodesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.ListPairingCodesRequest,
                palyra.admin.v1.Operator.ListPairingCodesResponse>(
                  this, METHODID_LIST_PAIRING_CODES)))
          .addMethod(
            getCancelPairingCodeMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.CancelPairingCodeRequest,
                palyra.admin.v1.Operator.CancelPairingCodeResponse>(
                  this, METHODID_CANCEL_PAIRING_CODE)))
          .addMethod(
            getListPairingRequestsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.ListPairingRequestsRequest,
                palyra.admin.v1.Operator.ListPairingRequestsResponse>(
                  this, METHODID_LIST_PAIRING_REQUESTS)))
          .addMethod(
            getGetPairingRequestMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.GetPairingRequestRequest,
                palyra.admin.v1.Operator.GetPairingRequestResponse>(
                  this, METHODID_GET_PAIRING_REQUEST)))
          .addMethod(
            getApprovePairingRequestMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.ApprovePairingRequestRequest,
                palyra.admin.v1.Operator.ApprovePairingRequestResponse>(
                  this, METHODID_APPROVE_PAIRING_REQUEST)))
          .addMethod(
            getRejectPairingRequestMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.RejectPairingRequestRequest,
                palyra.admin.v1.Operator.RejectPairingRequestResponse>(
                  this, METHODID_REJECT_PAIRING_REQUEST)))
          .addMethod(
            getListNodesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.ListNodesRequest,
                palyra.admin.v1.Operator.ListNodesResponse>(
                  this, METHODID_LIST_NODES)))
          .addMethod(
            getGetNodeMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.GetNodeRequest,
                palyra.admin.v1.Operator.GetNodeResponse>(
                  this, METHODID_GET_NODE)))
          .addMethod(
            getSetNodeCapabilityMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.SetNodeCapabilityRequest,
                palyra.admin.v1.Operator.SetNodeCapabilityResponse>(
                  this, METHODID_SET_NODE_CAPABILITY)))
          .addMethod(
            getInvokeCapabilityMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.InvokeCapabilityRequest,
                palyra.admin.v1.Operator.InvokeCapabilityResponse>(
                  this, METHODID_INVOKE_CAPABILITY)))
          .addMethod(
            getListCapabilityRequestsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.ListCapabilityRequestsRequest,
                palyra.admin.v1.Operator.ListCapabilityRequestsResponse>(
                  this, METHODID_LIST_CAPABILITY_REQUESTS)))
          .addMethod(
            getWatchNodePresenceMethod(),
            io.grpc.stub.ServerCalls.asyncServerStreamingCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.WatchNodePresenceRequest,
                palyra.admin.v1.Operator.WatchNodePresenceResponse>(
                  this, METHODID_WATCH_NODE_PRESENCE)))
          .addMethod(
            getListDevicesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.ListDevicesRequest,
                palyra.admin.v1.Operator.ListDevicesResponse>(
                  this, METHODID_LIST_DEVICES)))
          .addMethod(
            getRotateDeviceMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.RotateDeviceRequest,
                palyra.admin.v1.Operator.RotateDeviceResponse>(
                  this, METHODID_ROTATE_DEVICE)))
          .addMethod(
            getRevokeDeviceMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.RevokeDeviceRequest,
                palyra.admin.v1.Operator.RevokeDeviceResponse>(
                  this, METHODID_REVOKE_DEVICE)))
          .addMethod(
            getRemoveDeviceMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.RemoveDeviceRequest,
                palyra.admin.v1.Operator.RemoveDeviceResponse>(
                  this, METHODID_REMOVE_DEVICE)))
          .addMethod(
            getGetGatewayCaMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                palyra.admin.v1.Operator.GetGatewayCaRequest,
                palyra.admin.v1.Operator.GetGatewayCaResponse>(
                  this, METHODID_GET_GATEWAY_CA)))
          .build();
    }
  }

  /**
   */
  public static final class OperatorServiceStub extends io.grpc.stub.AbstractAsyncStub<OperatorServiceStub> {
    private OperatorServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected OperatorServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new OperatorServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Mints a PIN or QR pairing code. The code is in this response only; it is stored hashed.
     * </pre>
     */
    public void mintPairingCode(palyra.admin.v1.Operator.MintPairingCodeRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.MintPairingCodeResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getMintPairingCodeMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Live pairing codes (metadata only, never the code).
     * </pre>
     */
    public void listPairingCodes(palyra.admin.v1.Operator.ListPairingCodesRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ListPairingCodesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListPairingCodesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void cancelPairingCode(palyra.admin.v1.Operator.CancelPairingCodeRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.CancelPairingCodeResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCancelPairingCodeMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Pairing requests of verified devices, newest first.
     * </pre>
     */
    public void listPairingRequests(palyra.admin.v1.Operator.ListPairingRequestsRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ListPairingRequestsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListPairingRequestsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void getPairingRequest(palyra.admin.v1.Operator.GetPairingRequestRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.GetPairingRequestResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetPairingRequestMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * pending_approval -&gt; approved. A timed-out request cannot be approved.
     * </pre>
     */
    public void approvePairingRequest(palyra.admin.v1.Operator.ApprovePairingRequestRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ApprovePairingRequestResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getApprovePairingRequestMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * pending_approval -&gt; rejected.
     * </pre>
     */
    public void rejectPairingRequest(palyra.admin.v1.Operator.RejectPairingRequestRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.RejectPairingRequestResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRejectPairingRequestMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Registered nodes with their presence and capabilities, by device id.
     * </pre>
     */
    public void listNodes(palyra.admin.v1.Operator.ListNodesRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ListNodesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListNodesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void getNode(palyra.admin.v1.Operator.GetNodeRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.GetNodeResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetNodeMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Grants (available) or revokes one capability of a registered node; the node hears it as a
     * capability.granted / capability.revoked event on its QUIC event stream.
     * </pre>
     */
    public void setNodeCapability(palyra.admin.v1.Operator.SetNodeCapabilityRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.SetNodeCapabilityResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSetNodeCapabilityMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Queues a capability request for a node and waits for it to end (or for the timeout).
     * </pre>
     */
    public void invokeCapability(palyra.admin.v1.Operator.InvokeCapabilityRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.InvokeCapabilityResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getInvokeCapabilityMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * A node's capability requests, newest first.
     * </pre>
     */
    public void listCapabilityRequests(palyra.admin.v1.Operator.ListCapabilityRequestsRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ListCapabilityRequestsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListCapabilityRequestsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Presence changes as they happen, after a snapshot of every node's current presence.
     * </pre>
     */
    public void watchNodePresence(palyra.admin.v1.Operator.WatchNodePresenceRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.WatchNodePresenceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchNodePresenceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Paired devices and their certificates.
     * </pre>
     */
    public void listDevices(palyra.admin.v1.Operator.ListDevicesRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ListDevicesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListDevicesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Issues a new certificate now; the old ones are revoked.
     * </pre>
     */
    public void rotateDevice(palyra.admin.v1.Operator.RotateDeviceRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.RotateDeviceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRotateDeviceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Revokes every certificate of the device and bars it from pairing again until cleared.
     * </pre>
     */
    public void revokeDevice(palyra.admin.v1.Operator.RevokeDeviceRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.RevokeDeviceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRevokeDeviceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Unpairs the device and revokes its certificates; it may pair again.
     * </pre>
     */
    public void removeDevice(palyra.admin.v1.Operator.RemoveDeviceRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.RemoveDeviceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRemoveDeviceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The gateway CA certificate and where the node listener is, for pinning by devices.
     * </pre>
     */
    public void getGatewayCa(palyra.admin.v1.Operator.GetGatewayCaRequest request,
        io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.GetGatewayCaResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetGatewayCaMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   */
  public static final class OperatorServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<OperatorServiceBlockingStub> {
    private OperatorServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected OperatorServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new OperatorServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Mints a PIN or QR pairing code. The code is in this response only; it is stored hashed.
     * </pre>
     */
    public palyra.admin.v1.Operator.MintPairingCodeResponse mintPairingCode(palyra.admin.v1.Operator.MintPairingCodeRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getMintPairingCodeMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Live pairing codes (metadata only, never the code).
     * </pre>
     */
    public palyra.admin.v1.Operator.ListPairingCodesResponse listPairingCodes(palyra.admin.v1.Operator.ListPairingCodesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListPairingCodesMethod(), getCallOptions(), request);
    }

    /**
     */
    public palyra.admin.v1.Operator.CancelPairingCodeResponse cancelPairingCode(palyra.admin.v1.Operator.CancelPairingCodeRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCancelPairingCodeMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Pairing requests of verified devices, newest first.
     * </pre>
     */
    public palyra.admin.v1.Operator.ListPairingRequestsResponse listPairingRequests(palyra.admin.v1.Operator.ListPairingRequestsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListPairingRequestsMethod(), getCallOptions(), request);
    }

    /**
     */
    public palyra.admin.v1.Operator.GetPairingRequestResponse getPairingRequest(palyra.admin.v1.Operator.GetPairingRequestRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetPairingRequestMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * pending_approval -&gt; approved. A timed-out request cannot be approved.
     * </pre>
     */
    public palyra.admin.v1.Operator.ApprovePairingRequestResponse approvePairingRequest(palyra.admin.v1.Operator.ApprovePairingRequestRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getApprovePairingRequestMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * pending_approval -&gt; rejected.
     * </pre>
     */
    public palyra.admin.v1.Operator.RejectPairingRequestResponse rejectPairingRequest(palyra.admin.v1.Operator.RejectPairingRequestRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRejectPairingRequestMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Registered nodes with their presence and capabilities, by device id.
     * </pre>
     */
    public palyra.admin.v1.Operator.ListNodesResponse listNodes(palyra.admin.v1.Operator.ListNodesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListNodesMethod(), getCallOptions(), request);
    }

    /**
     */
    public palyra.admin.v1.Operator.GetNodeResponse getNode(palyra.admin.v1.Operator.GetNodeRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetNodeMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Grants (available) or revokes one capability of a registered node; the node hears it as a
     * capability.granted / capability.revoked event on its QUIC event stream.
     * </pre>
     */
    public palyra.admin.v1.Operator.SetNodeCapabilityResponse setNodeCapability(palyra.admin.v1.Operator.SetNodeCapabilityRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSetNodeCapabilityMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Queues a capability request for a node and waits for it to end (or for the timeout).
     * </pre>
     */
    public palyra.admin.v1.Operator.InvokeCapabilityResponse invokeCapability(palyra.admin.v1.Operator.InvokeCapabilityRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getInvokeCapabilityMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A node's capability requests, newest first.
     * </pre>
     */
    public palyra.admin.v1.Operator.ListCapabilityRequestsResponse listCapabilityRequests(palyra.admin.v1.Operator.ListCapabilityRequestsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListCapabilityRequestsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Presence changes as they happen, after a snapshot of every node's current presence.
     * </pre>
     */
    public java.util.Iterator<palyra.admin.v1.Operator.WatchNodePresenceResponse> watchNodePresence(
        palyra.admin.v1.Operator.WatchNodePresenceRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchNodePresenceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Paired devices and their certificates.
     * </pre>
     */
    public palyra.admin.v1.Operator.ListDevicesResponse listDevices(palyra.admin.v1.Operator.ListDevicesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListDevicesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Issues a new certificate now; the old ones are revoked.
     * </pre>
     */
    public palyra.admin.v1.Operator.RotateDeviceResponse rotateDevice(palyra.admin.v1.Operator.RotateDeviceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRotateDeviceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Revokes every certificate of the device and bars it from pairing again until cleared.
     * </pre>
     */
    public palyra.admin.v1.Operator.RevokeDeviceResponse revokeDevice(palyra.admin.v1.Operator.RevokeDeviceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRevokeDeviceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Unpairs the device and revokes its certificates; it may pair again.
     * </pre>
     */
    public palyra.admin.v1.Operator.RemoveDeviceResponse removeDevice(palyra.admin.v1.Operator.RemoveDeviceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRemoveDeviceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The gateway CA certificate and where the node listener is, for pinning by devices.
     * </pre>
     */
    public palyra.admin.v1.Operator.GetGatewayCaResponse getGatewayCa(palyra.admin.v1.Operator.GetGatewayCaRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetGatewayCaMethod(), getCallOptions(), request);
    }
  }

  /**
   */
  public static final class OperatorServiceFutureStub extends io.grpc.stub.AbstractFutureStub<OperatorServiceFutureStub> {
    private OperatorServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected OperatorServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new OperatorServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Mints a PIN or QR pairing code. The code is in this response only; it is stored hashed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.MintPairingCodeResponse> mintPairingCode(
        palyra.admin.v1.Operator.MintPairingCodeRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getMintPairingCodeMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Live pairing codes (metadata only, never the code).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.ListPairingCodesResponse> listPairingCodes(
        palyra.admin.v1.Operator.ListPairingCodesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListPairingCodesMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.CancelPairingCodeResponse> cancelPairingCode(
        palyra.admin.v1.Operator.CancelPairingCodeRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCancelPairingCodeMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Pairing requests of verified devices, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.ListPairingRequestsResponse> listPairingRequests(
        palyra.admin.v1.Operator.ListPairingRequestsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListPairingRequestsMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.GetPairingRequestResponse> getPairingRequest(
        palyra.admin.v1.Operator.GetPairingRequestRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetPairingRequestMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * pending_approval -&gt; approved. A timed-out request cannot be approved.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.ApprovePairingRequestResponse> approvePairingRequest(
        palyra.admin.v1.Operator.ApprovePairingRequestRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getApprovePairingRequestMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * pending_approval -&gt; rejected.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.RejectPairingRequestResponse> rejectPairingRequest(
        palyra.admin.v1.Operator.RejectPairingRequestRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRejectPairingRequestMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Registered nodes with their presence and capabilities, by device id.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.ListNodesResponse> listNodes(
        palyra.admin.v1.Operator.ListNodesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListNodesMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.GetNodeResponse> getNode(
        palyra.admin.v1.Operator.GetNodeRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetNodeMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Grants (available) or revokes one capability of a registered node; the node hears it as a
     * capability.granted / capability.revoked event on its QUIC event stream.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.SetNodeCapabilityResponse> setNodeCapability(
        palyra.admin.v1.Operator.SetNodeCapabilityRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSetNodeCapabilityMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Queues a capability request for a node and waits for it to end (or for the timeout).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.InvokeCapabilityResponse> invokeCapability(
        palyra.admin.v1.Operator.InvokeCapabilityRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getInvokeCapabilityMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * A node's capability requests, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.ListCapabilityRequestsResponse> listCapabilityRequests(
        palyra.admin.v1.Operator.ListCapabilityRequestsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListCapabilityRequestsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Paired devices and their certificates.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.ListDevicesResponse> listDevices(
        palyra.admin.v1.Operator.ListDevicesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListDevicesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Issues a new certificate now; the old ones are revoked.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.RotateDeviceResponse> rotateDevice(
        palyra.admin.v1.Operator.RotateDeviceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRotateDeviceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Revokes every certificate of the device and bars it from pairing again until cleared.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.RevokeDeviceResponse> revokeDevice(
        palyra.admin.v1.Operator.RevokeDeviceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRevokeDeviceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Unpairs the device and revokes its certificates; it may pair again.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.RemoveDeviceResponse> removeDevice(
        palyra.admin.v1.Operator.RemoveDeviceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRemoveDeviceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The gateway CA certificate and where the node listener is, for pinning by devices.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<palyra.admin.v1.Operator.GetGatewayCaResponse> getGatewayCa(
        palyra.admin.v1.Operator.GetGatewayCaRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetGatewayCaMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_MINT_PAIRING_CODE = 0;
  private static final int METHODID_LIST_PAIRING_CODES = 1;
  private static final int METHODID_CANCEL_PAIRING_CODE = 2;
  private static final int METHODID_LIST_PAIRING_REQUESTS = 3;
  private static final int METHODID_GET_PAIRING_REQUEST = 4;
  private static final int METHODID_APPROVE_PAIRING_REQUEST = 5;
  private static final int METHODID_REJECT_PAIRING_REQUEST = 6;
  private static final int METHODID_LIST_NODES = 7;
  private static final int METHODID_GET_NODE = 8;
  private static final int METHODID_SET_NODE_CAPABILITY = 9;
  private static final int METHODID_INVOKE_CAPABILITY = 10;
  private static final int METHODID_LIST_CAPABILITY_REQUESTS = 11;
  private static final int METHODID_WATCH_NODE_PRESENCE = 12;
  private static final int METHODID_LIST_DEVICES = 13;
  private static final int METHODID_ROTATE_DEVICE = 14;
  private static final int METHODID_REVOKE_DEVICE = 15;
  private static final int METHODID_REMOVE_DEVICE = 16;
  private static final int METHODID_GET_GATEWAY_CA = 17;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final OperatorServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(OperatorServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_MINT_PAIRING_CODE:
          serviceImpl.mintPairingCode((palyra.admin.v1.Operator.MintPairingCodeRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.MintPairingCodeResponse>) responseObserver);
          break;
        case METHODID_LIST_PAIRING_CODES:
          serviceImpl.listPairingCodes((palyra.admin.v1.Operator.ListPairingCodesRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ListPairingCodesResponse>) responseObserver);
          break;
        case METHODID_CANCEL_PAIRING_CODE:
          serviceImpl.cancelPairingCode((palyra.admin.v1.Operator.CancelPairingCodeRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.CancelPairingCodeResponse>) responseObserver);
          break;
        case METHODID_LIST_PAIRING_REQUESTS:
          serviceImpl.listPairingRequests((palyra.admin.v1.Operator.ListPairingRequestsRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ListPairingRequestsResponse>) responseObserver);
          break;
        case METHODID_GET_PAIRING_REQUEST:
          serviceImpl.getPairingRequest((palyra.admin.v1.Operator.GetPairingRequestRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.GetPairingRequestResponse>) responseObserver);
          break;
        case METHODID_APPROVE_PAIRING_REQUEST:
          serviceImpl.approvePairingRequest((palyra.admin.v1.Operator.ApprovePairingRequestRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ApprovePairingRequestResponse>) responseObserver);
          break;
        case METHODID_REJECT_PAIRING_REQUEST:
          serviceImpl.rejectPairingRequest((palyra.admin.v1.Operator.RejectPairingRequestRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.RejectPairingRequestResponse>) responseObserver);
          break;
        case METHODID_LIST_NODES:
          serviceImpl.listNodes((palyra.admin.v1.Operator.ListNodesRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ListNodesResponse>) responseObserver);
          break;
        case METHODID_GET_NODE:
          serviceImpl.getNode((palyra.admin.v1.Operator.GetNodeRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.GetNodeResponse>) responseObserver);
          break;
        case METHODID_SET_NODE_CAPABILITY:
          serviceImpl.setNodeCapability((palyra.admin.v1.Operator.SetNodeCapabilityRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.SetNodeCapabilityResponse>) responseObserver);
          break;
        case METHODID_INVOKE_CAPABILITY:
          serviceImpl.invokeCapability((palyra.admin.v1.Operator.InvokeCapabilityRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.InvokeCapabilityResponse>) responseObserver);
          break;
        case METHODID_LIST_CAPABILITY_REQUESTS:
          serviceImpl.listCapabilityRequests((palyra.admin.v1.Operator.ListCapabilityRequestsRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ListCapabilityRequestsResponse>) responseObserver);
          break;
        case METHODID_WATCH_NODE_PRESENCE:
          serviceImpl.watchNodePresence((palyra.admin.v1.Operator.WatchNodePresenceRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.WatchNodePresenceResponse>) responseObserver);
          break;
        case METHODID_LIST_DEVICES:
          serviceImpl.listDevices((palyra.admin.v1.Operator.ListDevicesRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.ListDevicesResponse>) responseObserver);
          break;
        case METHODID_ROTATE_DEVICE:
          serviceImpl.rotateDevice((palyra.admin.v1.Operator.RotateDeviceRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.RotateDeviceResponse>) responseObserver);
          break;
        case METHODID_REVOKE_DEVICE:
          serviceImpl.revokeDevice((palyra.admin.v1.Operator.RevokeDeviceRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.RevokeDeviceResponse>) responseObserver);
          break;
        case METHODID_REMOVE_DEVICE:
          serviceImpl.removeDevice((palyra.admin.v1.Operator.RemoveDeviceRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.RemoveDeviceResponse>) responseObserver);
          break;
        case METHODID_GET_GATEWAY_CA:
          serviceImpl.getGatewayCa((palyra.admin.v1.Operator.GetGatewayCaRequest) request,
              (io.grpc.stub.StreamObserver<palyra.admin.v1.Operator.GetGatewayCaResponse>) responseObserver);
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

  private static abstract class OperatorServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    OperatorServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return palyra.admin.v1.Operator.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("OperatorService");
    }
  }

  private static final class OperatorServiceFileDescriptorSupplier
      extends OperatorServiceBaseDescriptorSupplier {
    OperatorServiceFileDescriptorSupplier() {}
  }

  private static final class OperatorServiceMethodDescriptorSupplier
      extends OperatorServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    OperatorServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (OperatorServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new OperatorServiceFileDescriptorSupplier())
              .addMethod(getMintPairingCodeMethod())
              .addMethod(getListPairingCodesMethod())
              .addMethod(getCancelPairingCodeMethod())
              .addMethod(getListPairingRequestsMethod())
              .addMethod(getGetPairingRequestMethod())
              .addMethod(getApprovePairingRequestMethod())
              .addMethod(getRejectPairingRequestMethod())
              .addMethod(getListNodesMethod())
              .addMethod(getGetNodeMethod())
              .addMethod(getSetNodeCapabilityMethod())
              .addMethod(getInvokeCapabilityMethod())
              .addMethod(getListCapabilityRequestsMethod())
              .addMethod(getWatchNodePresenceMethod())
              .addMethod(getListDevicesMethod())
              .addMethod(getRotateDeviceMethod())
              .addMethod(getRevokeDeviceMethod())
              .addMethod(getRemoveDeviceMethod())
              .addMethod(getGetGatewayCaMethod())
              .build();
        }
      }
    }
    return result;
  }
}
