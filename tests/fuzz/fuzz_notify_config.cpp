// libFuzzer target for the notification configuration parsers.
//
// Feeds the input to NotifyConfig::loadString, AlertingConfig::parse and
// parseMatchers, and checks invariants that hold for any input:
//   - nothing throws (yaml-cpp exceptions are turned into Status);
//   - a failed load's message starts with the file name;
//   - a loaded configuration routes an alert and flushes its groups without
//     crashing, and every route it returns names a defined receiver.
#include "notify/alertmanager_forwarder.h"
#include "notify/dispatcher.h"
#include "notify/label_matchers.h"
#include "notify/notify_config.h"

#include <cstdlib>
#include <memory>
#include <string>

using namespace vigil;
using namespace vigil::notify;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string input(reinterpret_cast<const char *>(data), size);
    (void)parseMatchers(input);
    (void)AlertingConfig::parse(input, "prometheus.yml");
    Result<NotifyConfig> cfg = NotifyConfig::loadString(input, "fuzz.yml");
    if (!cfg) {
        if (cfg.status().message().rfind("fuzz.yml", 0) != 0) std::abort();
        return 0;
    }
    auto shared = std::make_shared<const NotifyConfig>(std::move(*cfg));
    model::Alert a;
    a.labels = model::Labels{{"alertname", "A"}, {"severity", "critical"}, {"instance", "x"}};
    for (const Route *r : Dispatcher::matchRoutes(shared->route, a.labels))
        if (!shared->findReceiver(r->receiver)) std::abort();
    Dispatcher d(shared, nullptr);
    d.put({a}, 1'000'000);
    (void)d.flushDue(1'000'000 + 24 * 3600 * 1000LL);
    return 0;
}
