#include "discovery/target_group.h"

namespace vigil::discovery {

model::Labels mergedTargetLabels(const TargetGroup &g, size_t i)
{
    model::LabelsBuilder b(g.labels);
    for (const model::Label &l : g.targets[i]) b.set(l.name, l.value);
    return b.labels();
}

}  // namespace vigil::discovery
