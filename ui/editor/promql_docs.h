// One-line descriptions of PromQL functions and aggregation operators for the
// editor's completion list, and a function's signature built from the
// engine's function table ("rate(range vector) → instant vector").
// The texts are translated (tr context "PromqlDocs").
#pragma once

#include <QString>

namespace vigil::ui {

// Empty when `name` is neither a function nor an aggregation.
QString promqlDoc(const QString &name);
// "name(arg types…) → return type" for a function, "name([param,] instant vector)" for an aggregation.
QString promqlSignature(const QString &name);

}  // namespace vigil::ui
