#include "core/status.h"

namespace vigil {

const char *Status::codeName(Code c)
{
    switch (c) {
    case Code::Ok: return "ok";
    case Code::InvalidArgument: return "invalid argument";
    case Code::NotFound: return "not found";
    case Code::Corruption: return "corruption";
    case Code::IOError: return "I/O error";
    case Code::ResourceExhausted: return "resource exhausted";
    case Code::Unavailable: return "unavailable";
    case Code::Cancelled: return "cancelled";
    case Code::DeadlineExceeded: return "deadline exceeded";
    case Code::FailedPrecondition: return "failed precondition";
    case Code::Internal: return "internal error";
    }
    return "unknown";
}

std::string Status::toString() const
{
    if (isOk()) return "ok";
    return std::string(codeName(code_)) + ": " + message_;
}

Status Status::withContext(const std::string &context) const
{
    if (isOk()) return *this;
    return Status(code_, context + ": " + message_);
}

}  // namespace vigil
