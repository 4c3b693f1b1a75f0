#include "notify/secret_refs.h"

#include "store/secret_store.h"

#include <cctype>

namespace vigil::notify {

Result<std::string> resolveSecretRefs(const std::string &value, store::SecretStore *store)
{
    static const std::string kOpen = "${keychain:";
    std::string out;
    size_t pos = 0;
    while (true) {
        const size_t start = value.find(kOpen, pos);
        if (start == std::string::npos) break;
        const size_t end = value.find('}', start);
        if (end == std::string::npos) return Status::invalidArgument("unterminated ${keychain:...} reference");
        const std::string name = value.substr(start + kOpen.size(), end - start - kOpen.size());
        for (char c : name)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
                return Status::invalidArgument("bad secret name in ${keychain:" + name + "}");
        if (!store) return Status::failedPrecondition("no secret store to resolve ${keychain:" + name + "}");
        Result<std::string> secret = store->readBlocking(name);
        if (!secret) return secret.status().withContext("${keychain:" + name + "}");
        out.append(value, pos, start - pos);
        out += *secret;
        pos = end + 1;
    }
    out.append(value, pos, std::string::npos);
    return out;
}

}  // namespace vigil::notify
