<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>vigil::ui::MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Storage</translation>
    </message>
    <message>
        <source>Settings database</source>
        <translation>Settings database</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>HTTP API</translation>
    </message>
    <message>
        <source>Scraper</source>
        <translation>Scraper</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Starting</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Stopping</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Vigil — Monitoring Console</source>
        <translation>Vigil — Monitoring Console</translation>
    </message>
    <message>
        <source>Series: %1</source>
        <translation>Series: %1</translation>
    </message>
    <message>
        <source>Samples/s: %1</source>
        <translation>Samples/s: %1</translation>
    </message>
    <message>
        <source>Scrape failures: %1</source>
        <translation>Scrape failures: %1</translation>
    </message>
    <message>
        <source>Disk: %1</source>
        <translation>Disk: %1</translation>
    </message>
    <message>
        <source>API: off</source>
        <translation>API: off</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API: %1</translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation>Engine: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>The page “%1” is not available in this version.</source>
        <translation>The page “%1” is not available in this version.</translation>
    </message>
    <message>
        <source>There is no dashboard named “%1”.</source>
        <translation>There is no dashboard named “%1”.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Health of the built-in monitoring engine on this workstation.</source>
        <translation>Health of the built-in monitoring engine on this workstation.</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Active series</source>
        <translation>Active series</translation>
    </message>
    <message>
        <source>Samples per second</source>
        <translation>Samples per second</translation>
    </message>
    <message>
        <source>Targets up</source>
        <translation>Targets up</translation>
    </message>
    <message>
        <source>Disk used</source>
        <translation>Disk used</translation>
    </message>
    <message>
        <source>Prometheus-compatible API</source>
        <translation>Prometheus-compatible API</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Data directory: %1</source>
        <translation>Data directory: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>Data directory:</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>HTTP API</translation>
    </message>
    <message>
        <source>Serve the Prometheus-compatible API (for Grafana and scripts)</source>
        <translation>Serve the Prometheus-compatible API (for Grafana and scripts)</translation>
    </message>
    <message>
        <source>Listen address:</source>
        <translation>Listen address:</translation>
    </message>
    <message>
        <source>Only this computer can reach the API unless you choose a non-loopback address (which also needs --web.allow-non-loopback).</source>
        <translation>Only this computer can reach the API unless you choose a non-loopback address (which also needs --web.allow-non-loopback).</translation>
    </message>
    <message>
        <source>The listen address must look like 127.0.0.1:9090.</source>
        <translation>The listen address must look like 127.0.0.1:9090.</translation>
    </message>
    <message>
        <source>Saved. Changes take effect the next time Vigil starts.</source>
        <translation>Saved. Changes take effect the next time Vigil starts.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TargetDialog</name>
    <message>
        <source>Edit target</source>
        <translation>Edit target</translation>
    </message>
    <message>
        <source>Add target</source>
        <translation>Add target</translation>
    </message>
    <message>
        <source>host:port or http://host:port/metrics</source>
        <translation>host:port or http://host:port/metrics</translation>
    </message>
    <message>
        <source>e.g. node</source>
        <translation>e.g. node</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>One label per line: name=value</source>
        <translation>One label per line: name=value</translation>
    </message>
    <message>
        <source>Skip TLS certificate verification (insecure)</source>
        <translation>Skip TLS certificate verification (insecure)</translation>
    </message>
    <message>
        <source>Address or URL:</source>
        <translation>Address or URL:</translation>
    </message>
    <message>
        <source>Job:</source>
        <translation>Job:</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>Scheme:</translation>
    </message>
    <message>
        <source>Metrics path:</source>
        <translation>Metrics path:</translation>
    </message>
    <message>
        <source>Scrape interval:</source>
        <translation>Scrape interval:</translation>
    </message>
    <message>
        <source>Scrape timeout:</source>
        <translation>Scrape timeout:</translation>
    </message>
    <message>
        <source>Extra labels:</source>
        <translation>Extra labels:</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>The URL is not valid: use http://host:port/path.</source>
        <translation>The URL is not valid: use http://host:port/path.</translation>
    </message>
    <message>
        <source>The address must be host:port (for example 127.0.0.1:9100) or a URL.</source>
        <translation>The address must be host:port (for example 127.0.0.1:9100) or a URL.</translation>
    </message>
    <message>
        <source>A job name is required.</source>
        <translation>A job name is required.</translation>
    </message>
    <message>
        <source>The metrics path must start with /.</source>
        <translation>The metrics path must start with /.</translation>
    </message>
    <message>
        <source>The scrape timeout cannot be longer than the scrape interval.</source>
        <translation>The scrape timeout cannot be longer than the scrape interval.</translation>
    </message>
    <message>
        <source>Label line “%1” must look like name=value with a valid label name.</source>
        <translation>Label line “%1” must look like name=value with a valid label name.</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>The engine is not running.</translation>
    </message>
    <message>
        <source>Scraping…</source>
        <translation>Scraping…</translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation>The test was cancelled.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>OK: %1 samples from %2 in %3 ms.</source>
        <translation>OK: %1 samples from %2 in %3 ms.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TargetTableModel</name>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Last scrape</source>
        <translation>Last scrape</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1 s ago</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TargetsPage</name>
    <message>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>Add target…</source>
        <translation>Add target…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Filter by job, endpoint, label or error</source>
        <translation>Filter by job, endpoint, label or error</translation>
    </message>
    <message>
        <source>Only targets added in the console can be edited here.</source>
        <translation>Only targets added in the console can be edited here.</translation>
    </message>
    <message>
        <source>%1 of %2 up</source>
        <translation>%1 of %2 up</translation>
    </message>
    <message>
        <source>Remove target</source>
        <translation>Remove target</translation>
    </message>
    <message>
        <source>Stop scraping %1 (job %2) and remove it?</source>
        <translation>Stop scraping %1 (job %2) and remove it?</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TrayIcon</name>
    <message>
        <source>Show Vigil</source>
        <translation>Show Vigil</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Vigil: engine failed</source>
        <translation>Vigil: engine failed</translation>
    </message>
    <message>
        <source>Vigil: engine not running</source>
        <translation>Vigil: engine not running</translation>
    </message>
    <message>
        <source>Vigil: all clear</source>
        <translation>Vigil: all clear</translation>
    </message>
    <message>
        <source>Vigil: warning alerts active</source>
        <translation>Vigil: warning alerts active</translation>
    </message>
    <message>
        <source>Vigil: critical alerts active</source>
        <translation>Vigil: critical alerts active</translation>
    </message>
    <message>
        <source>Vigil: emergency alerts active</source>
        <translation>Vigil: emergency alerts active</translation>
    </message>
</context>
</TS>