// Status and Result<T>: how engine calls report failure.
//
// The engine API never throws. A call that can fail returns a Status (or a
// Result<T> carrying a value on success). The code tells apart the kinds of
// failure a caller reacts to differently: bad input from the user, data on
// disk that is damaged, the operating system refusing I/O, and so on.
// Messages are plain English; the UI maps codes to translated text.
//
// Thread safety: Status and Result are values; copies may cross threads.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace vigil {

class Status {
public:
    enum class Code {
        Ok = 0,
        InvalidArgument,  // the caller's input is malformed (a bad flag, query, line)
        NotFound,         // a named thing does not exist
        Corruption,       // persisted data failed a check (CRC, format, version)
        IOError,          // the OS refused a read, write, fsync, bind...
        ResourceExhausted,// a limit was hit (disk full, sample_limit, memory)
        Unavailable,      // a peer or subsystem is not reachable / not started
        Cancelled,        // the caller cancelled the operation
        DeadlineExceeded, // the operation ran out of time
        FailedPrecondition, // the object is not in a state that allows the call
        Internal,         // a bug: an invariant did not hold
    };

    Status() = default;  // Ok
    static Status ok() { return {}; }
    static Status invalidArgument(std::string m) { return {Code::InvalidArgument, std::move(m)}; }
    static Status notFound(std::string m) { return {Code::NotFound, std::move(m)}; }
    static Status corruption(std::string m) { return {Code::Corruption, std::move(m)}; }
    static Status ioError(std::string m) { return {Code::IOError, std::move(m)}; }
    static Status resourceExhausted(std::string m) { return {Code::ResourceExhausted, std::move(m)}; }
    static Status unavailable(std::string m) { return {Code::Unavailable, std::move(m)}; }
    static Status cancelled(std::string m) { return {Code::Cancelled, std::move(m)}; }
    static Status deadlineExceeded(std::string m) { return {Code::DeadlineExceeded, std::move(m)}; }
    static Status failedPrecondition(std::string m) { return {Code::FailedPrecondition, std::move(m)}; }
    static Status internal(std::string m) { return {Code::Internal, std::move(m)}; }

    bool isOk() const { return code_ == Code::Ok; }
    explicit operator bool() const { return isOk(); }
    Code code() const { return code_; }
    const std::string &message() const { return message_; }

    // "corruption: wal segment 3: crc mismatch at offset 4096"
    std::string toString() const;
    static const char *codeName(Code c);

    // Returns a copy whose message is "context: message" (no-op on Ok).
    Status withContext(const std::string &context) const;

private:
    Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
    Code code_ = Code::Ok;
    std::string message_;
};

// A value or a non-Ok Status. Accessing value() of a failed Result is a bug
// (asserts in debug builds).
template <typename T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}            // NOLINT(implicit)
    Result(Status status) : status_(std::move(status)) {}    // NOLINT(implicit)

    bool isOk() const { return status_.isOk() && value_.has_value(); }
    explicit operator bool() const { return isOk(); }
    const Status &status() const { return status_; }
    T &value() & { return *value_; }
    const T &value() const & { return *value_; }
    T &&value() && { return std::move(*value_); }
    T *operator->() { return &*value_; }
    const T *operator->() const { return &*value_; }
    T &operator*() { return *value_; }
    const T &operator*() const { return *value_; }

private:
    std::optional<T> value_;
    Status status_;
};

}  // namespace vigil

#define VIGIL_RETURN_IF_ERROR(expr)          \
    do {                                     \
        ::vigil::Status _st = (expr);        \
        if (!_st.isOk()) return _st;         \
    } while (0)
