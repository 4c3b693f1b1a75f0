#include "core/log.h"

Q_LOGGING_CATEGORY(lcEngine, "vigil.engine")
Q_LOGGING_CATEGORY(lcTsdb, "vigil.tsdb")
Q_LOGGING_CATEGORY(lcWal, "vigil.wal")
Q_LOGGING_CATEGORY(lcScrape, "vigil.scrape")
Q_LOGGING_CATEGORY(lcDiscovery, "vigil.discovery")
Q_LOGGING_CATEGORY(lcQuery, "vigil.query")
Q_LOGGING_CATEGORY(lcWeb, "vigil.web")
Q_LOGGING_CATEGORY(lcStore, "vigil.store")
Q_LOGGING_CATEGORY(lcRules, "vigil.rules")
Q_LOGGING_CATEGORY(lcRemote, "vigil.remote")
Q_LOGGING_CATEGORY(lcNotify, "vigil.notify")
