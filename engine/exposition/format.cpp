#include "exposition/format.h"

namespace vigil::exposition {

std::string_view formatName(Format f)
{
    switch (f) {
        case Format::Auto:
            return "auto";
        case Format::Text:
            return "text";
        case Format::OpenMetrics:
            return "openmetrics";
    }
    return "unknown";
}

}  // namespace vigil::exposition
