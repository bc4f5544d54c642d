// Type-checked (not run) by scripts/protocol/check-stubs-work.sh: the generated TypeScript stubs
// must be usable with @bufbuild/protobuf, including cross-file types, oneofs and services.
import { create, toBinary, fromBinary } from "@bufbuild/protobuf";
import { RunStreamEventSchema, StreamStatus_StatusKind } from "./ts/palyra/v1/common_pb";
import { GatewayService, HealthRequestSchema } from "./ts/palyra/v1/gateway_pb";
import { NodeEventResponseSchema, NodeService } from "./ts/palyra/v1/node_pb";

const health = create(HealthRequestSchema, { v: 1 });
const event = create(RunStreamEventSchema, {
  v: 1,
  runId: { ulid: "01ARZ3NDEKTSV4RRFFQ69G5FAV" },
  body: { case: "status", value: { kind: StreamStatus_StatusKind.DONE, message: "done" } },
});
const reply = fromBinary(
  NodeEventResponseSchema,
  toBinary(NodeEventResponseSchema, create(NodeEventResponseSchema, { v: 1, accepted: true })),
);
const capability: string = reply.dispatch?.capability ?? "";
const methods: string[] = [GatewayService.method.getHealth.name, NodeService.method.streamNodeEvents.name];

export const smoke = { health, event, capability, methods };
