// Logging categories of the engine. Use qCInfo(lcTsdb) << ...; the console and
// headless mode install their own message handlers. Engine messages are plain
// English and never contain secrets (passwords, tokens).
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcTsdb)
Q_DECLARE_LOGGING_CATEGORY(lcWal)
Q_DECLARE_LOGGING_CATEGORY(lcScrape)
Q_DECLARE_LOGGING_CATEGORY(lcDiscovery)
Q_DECLARE_LOGGING_CATEGORY(lcQuery)
Q_DECLARE_LOGGING_CATEGORY(lcWeb)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcRules)
Q_DECLARE_LOGGING_CATEGORY(lcRemote)
Q_DECLARE_LOGGING_CATEGORY(lcNotify)
