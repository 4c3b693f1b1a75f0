// Anchors the Discoverer QObject's vtable and moc output.
#include "discovery/discoverer.h"
