#include "common/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "common/random.h"

namespace palyra {
namespace {

namespace fs = std::filesystem;

// Closes a file descriptor on scope exit unless released.
class FdCloser {
 public:
  explicit FdCloser(int fd) : fd_(fd) {}
  ~FdCloser() {
    if (fd_ >= 0) ::close(fd_);
  }
  FdCloser(const FdCloser&) = delete;
  FdCloser& operator=(const FdCloser&) = delete;
  int get() const { return fd_; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

// Uniqueness is all the temp name needs (O_EXCL guards against clashes).
std::string RandomSuffix() { return RandomHex(8); }

Status WriteAll(int fd, std::string_view bytes, const fs::path& path) {
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(errno, path, "write failed");
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return Status::Ok();
}

Status FsyncDirectory(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus(errno, dir, "opening directory for fsync failed");
  FdCloser closer(fd);
  if (::fsync(fd) != 0 && errno != EINVAL) {  // EINVAL: the filesystem cannot sync directories
    return ErrnoStatus(errno, dir, "fsync of directory failed");
  }
  return Status::Ok();
}

// mkdir with exact 0700 permissions. Returns OK if it was created or already exists as a directory.
Status MakeOneDirectory(const fs::path& dir, bool* created) {
  *created = false;
  if (::mkdir(dir.c_str(), kPrivateDirectoryMode) == 0) {
    *created = true;
    // mkdir applies the umask; make the mode exact.
    if (::chmod(dir.c_str(), kPrivateDirectoryMode) != 0) {
      return ErrnoStatus(errno, dir, "chmod 0700 failed");
    }
    return Status::Ok();
  }
  const int err = errno;
  if (err != EEXIST) return ErrnoStatus(err, dir, "mkdir failed");
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) return ErrnoStatus(errno, dir, "stat failed");
  if (!S_ISDIR(st.st_mode)) {
    return FailedPrecondition(dir.string() + ": exists and is not a directory");
  }
  return Status::Ok();
}

}  // namespace

Status ErrnoStatus(int err, const fs::path& path, std::string_view what) {
  StatusCode code = StatusCode::kInternal;
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      code = StatusCode::kNotFound;
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      code = StatusCode::kPermissionDenied;
      break;
    case ENOSPC:
    case EDQUOT:
    case EMFILE:
    case ENFILE:
      code = StatusCode::kResourceExhausted;
      break;
    default:
      break;
  }
  std::string message = path.string();
  message += ": ";
  message += what;
  message += ": ";
  message += std::strerror(err);
  return {code, std::move(message)};
}

namespace {

// Writes `bytes` to a new temp file beside `path` with exactly `mode`, fsynced and closed.
// Returns the temp file's path; on failure nothing is left behind.
Result<fs::path> WriteSyncedTempFile(const fs::path& path, std::string_view bytes, mode_t mode) {
  if (path.empty() || !path.has_filename()) {
    return InvalidArgument("atomic write needs a file path, got '" + path.string() + "'");
  }
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const std::string base = path.filename().string();

  fs::path tmp;
  int fd = -1;
  for (int attempt = 0; attempt < 8 && fd < 0; ++attempt) {
    tmp = dir / ("." + base + ".tmp-" + RandomSuffix());
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode & 07777);
    if (fd < 0 && errno != EEXIST) return ErrnoStatus(errno, tmp, "creating temp file failed");
  }
  if (fd < 0) return ErrnoStatus(EEXIST, tmp, "creating temp file failed");
  FdCloser closer(fd);

  auto fail = [&](Status status) {
    ::close(closer.release());
    ::unlink(tmp.c_str());
    return status;
  };

  // open(2) applies the umask; the caller asked for an exact mode.
  if (::fchmod(fd, mode & 07777) != 0) return fail(ErrnoStatus(errno, tmp, "fchmod failed"));
  if (Status s = WriteAll(fd, bytes, tmp); !s.ok()) return fail(s);
  if (::fsync(fd) != 0) return fail(ErrnoStatus(errno, tmp, "fsync failed"));
  if (::close(closer.release()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return ErrnoStatus(err, tmp, "close failed");
  }
  return tmp;
}

fs::path DirectoryOf(const fs::path& path) {
  return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

}  // namespace

Status WriteFileAtomic(const fs::path& path, std::string_view bytes, mode_t mode) {
  PALYRA_ASSIGN_OR_RETURN(fs::path tmp, WriteSyncedTempFile(path, bytes, mode));
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return ErrnoStatus(err, path, "rename into place failed");
  }
  return FsyncDirectory(DirectoryOf(path));
}

Result<bool> WriteFileIfAbsent(const fs::path& path, std::string_view bytes, mode_t mode) {
  PALYRA_ASSIGN_OR_RETURN(fs::path tmp, WriteSyncedTempFile(path, bytes, mode));
  // link(2) fails with EEXIST instead of replacing, so the first writer wins and a reader never
  // sees a partial file.
  const int rc = ::link(tmp.c_str(), path.c_str());
  const int err = errno;
  ::unlink(tmp.c_str());
  if (rc != 0) {
    if (err == EEXIST) return false;
    return ErrnoStatus(err, path, "linking into place failed");
  }
  PALYRA_RETURN_IF_ERROR(FsyncDirectory(DirectoryOf(path)));
  return true;
}

Status EnsurePrivateDirectory(const fs::path& path) {
  if (path.empty()) return InvalidArgument("directory path is empty");
  fs::path normal = path.lexically_normal();
  if (!normal.has_filename() && normal.has_relative_path())
    normal = normal.parent_path();  // "a/b/"

  // Find the deepest existing ancestor, then create the rest top-down.
  std::vector<fs::path> missing;
  fs::path cur = normal;
  while (!cur.empty()) {
    struct stat st {};
    if (::stat(cur.c_str(), &st) == 0) {
      if (!S_ISDIR(st.st_mode)) {
        return FailedPrecondition(cur.string() + ": exists and is not a directory");
      }
      break;
    }
    if (errno != ENOENT) return ErrnoStatus(errno, cur, "stat failed");
    missing.push_back(cur);
    fs::path parent = cur.parent_path();
    if (parent == cur) break;
    cur = parent;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    bool created = false;
    PALYRA_RETURN_IF_ERROR(MakeOneDirectory(*it, &created));
  }

  struct stat st {};
  if (::stat(normal.c_str(), &st) != 0) return ErrnoStatus(errno, normal, "stat failed");
  if (!S_ISDIR(st.st_mode)) {
    return FailedPrecondition(normal.string() + ": exists and is not a directory");
  }
  if ((st.st_mode & 0077) != 0) {
    if (::chmod(normal.c_str(), st.st_mode & 0700) != 0) {
      return ErrnoStatus(errno, normal, "removing group/other permissions failed");
    }
  }
  return Status::Ok();
}

Result<std::string> ReadFileBounded(const fs::path& path, size_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return ErrnoStatus(errno, path, "open failed");
  FdCloser closer(fd);

  struct stat st {};
  if (::fstat(fd, &st) != 0) return ErrnoStatus(errno, path, "stat failed");
  if (S_ISDIR(st.st_mode)) return InvalidArgument(path.string() + ": is a directory, not a file");
  auto too_large = [&] {
    return InvalidArgument(path.string() + ": file is larger than the limit of " +
                           std::to_string(max_bytes) + " bytes");
  };
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > max_bytes) return too_large();

  // Read until EOF but never more than max_bytes + 1, in case the size changes under us or the
  // file is not a regular one (pipes, /proc).
  std::string out;
  char buf[16384];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof(buf));
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(errno, path, "read failed");
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > max_bytes) return too_large();
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

}  // namespace palyra
