#pragma once
// Every repository a gateway process uses, as interfaces: what a backend's factory function
// (OpenSqliteRepositories, one day a PostgreSQL one) hands the daemon.

#include <memory>

#include "store/ca_repository.h"
#include "store/device_repository.h"
#include "store/event_log_repository.h"
#include "store/pairing_repository.h"
#include "store/revocation_repository.h"

namespace palyra::store {

struct Repositories {
  std::unique_ptr<CaRepository> cas;
  std::unique_ptr<DeviceRepository> devices;
  std::unique_ptr<RevocationRepository> revocations;  // polled: keep it apart from the rest
  std::shared_ptr<PairingRepository> pairing;
  std::unique_ptr<EventLogRepository> events;
};

}  // namespace palyra::store
