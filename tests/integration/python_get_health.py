#!/usr/bin/env python3
"""Calls palyrad's GetHealth through the committed, generated Python stubs.

Starts a real palyrad on an ephemeral port in a temporary state dir, reads its run file, makes
the call, checks the answer, and stops the daemon with SIGTERM.
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time


def wait_for_run_file(path, pid, process, timeout_s=20.0):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"palyrad exited early with code {process.returncode}")
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
            if data.get("pid") == pid:
                return data
        except (FileNotFoundError, json.JSONDecodeError):
            pass
        time.sleep(0.02)
    raise RuntimeError("palyrad wrote no run file in time")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--palyrad", required=True)
    parser.add_argument("--stubs", required=True, help="root of the generated Python stubs")
    args = parser.parse_args()

    sys.path.insert(0, args.stubs)
    import grpc  # noqa: E402  (Debian's python3-grpcio)
    from palyra.v1 import gateway_pb2, gateway_pb2_grpc  # noqa: E402

    with tempfile.TemporaryDirectory(prefix="palyra-py-") as temp:
        state_dir = os.path.join(temp, "state")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PALYRA_")}
        with open(os.path.join(temp, "palyrad.log"), "wb") as log:
            process = subprocess.Popen(
                [args.palyrad, "--state-dir", state_dir, "--grpc-port", "0",
                 "--set", "gateway.quic_port=0"],
                stdout=log, stderr=log, env=env)
            try:
                run = wait_for_run_file(os.path.join(state_dir, "run", "palyrad.json"),
                                        process.pid, process)
                with grpc.insecure_channel(run["admin_grpc_addr"]) as channel:
                    stub = gateway_pb2_grpc.GatewayServiceStub(channel)
                    response = stub.GetHealth(gateway_pb2.HealthRequest(v=1), timeout=10)
                assert response.v == 1, response
                assert response.service == "palyrad", response
                assert response.status == "ok", response
                assert response.version, response
                print(f"GetHealth via Python stubs: service={response.service} "
                      f"status={response.status} version={response.version}")
            finally:
                process.send_signal(signal.SIGTERM)
                code = process.wait(timeout=10)
        if code != 0:
            raise RuntimeError(f"palyrad exited with {code} after SIGTERM")
    return 0


if __name__ == "__main__":
    sys.exit(main())
