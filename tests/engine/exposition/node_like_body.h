// Generates a realistic node-exporter-like exposition body (text 0.0.4 or
// OpenMetrics 1.0) with known counts, for the large-input tests and the
// benchmark.
#pragma once

#include <cstddef>
#include <string>

namespace vigil::exposition::testutil {

struct GeneratedBody {
    std::string body;
    size_t series = 0;
    size_t families = 0;  // each family has one HELP and one TYPE line
};

inline GeneratedBody generateNodeLikeBody(bool openMetrics, int cpus = 8)
{
    GeneratedBody g;
    std::string &b = g.body;
    b.reserve(256 * 1024);
    auto family = [&](const std::string &name, const char *type, const char *help) {
        b += "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
        ++g.families;
    };
    auto sample = [&](const std::string &line) {
        b += line;
        b += '\n';
        ++g.series;
    };

    // Counters with cpu x mode labels.
    const char *modes[] = {"guest", "guest_nice", "idle",  "iowait", "irq",
                           "nice",  "softirq",    "steal", "system", "user"};
    family(openMetrics ? "node_cpu_seconds" : "node_cpu_seconds_total", "counter",
           "Seconds the CPUs spent in each mode.");
    for (int c = 0; c < cpus; ++c)
        for (const char *m : modes)
            sample(std::string("node_cpu_seconds_total{cpu=\"") + std::to_string(c) + "\",mode=\"" + m +
                   "\"} " + std::to_string(12345.67 + c * 10 + m[0]));

    // Filesystem gauges.
    const char *mounts[][3] = {{"/dev/sda1", "ext4", "/"},
                               {"/dev/sda2", "ext4", "/home"},
                               {"tmpfs", "tmpfs", "/run"},
                               {"tmpfs", "tmpfs", "/dev/shm"},
                               {"/dev/nvme0n1p1", "vfat", "/boot/efi"},
                               {"overlay", "overlay", "/var/lib/docker"}};
    const char *fsMetrics[] = {"node_filesystem_avail_bytes", "node_filesystem_files",
                               "node_filesystem_files_free",  "node_filesystem_free_bytes",
                               "node_filesystem_readonly",    "node_filesystem_size_bytes",
                               "node_filesystem_device_error"};
    for (const char *metric : fsMetrics) {
        family(metric, "gauge", "Filesystem information field.");
        for (auto &m : mounts)
            sample(std::string(metric) + "{device=\"" + m[0] + "\",fstype=\"" + m[1] + "\",mountpoint=\"" +
                   m[2] + "\"} " + std::to_string(1.0e9 + 4096.0 * (m[2][1] + 1)));
    }

    // Network counters per device.
    const char *devices[] = {"eth0", "lo", "wlan0", "docker0", "veth1a2b3c"};
    const char *netMetrics[] = {"bytes", "compressed", "drop",      "errs",
                                "fifo",  "frame",      "multicast", "packets"};
    for (const char *dir : {"receive", "transmit"}) {
        for (const char *m : netMetrics) {
            const std::string base = std::string("node_network_") + dir + "_" + m;
            family(openMetrics ? base : base + "_total", "counter", "Network device statistic.");
            for (const char *d : devices)
                sample(base + "_total{device=\"" + d + "\"} " + std::to_string(987654321 + d[0]));
        }
    }

    // Disk counters per device, with a float-seconds family.
    const char *disks[] = {"sda", "sdb", "nvme0n1", "dm-0"};
    const char *diskMetrics[] = {"node_disk_reads_completed",    "node_disk_writes_completed",
                                 "node_disk_read_bytes",         "node_disk_written_bytes",
                                 "node_disk_io_time_seconds",    "node_disk_read_time_seconds",
                                 "node_disk_write_time_seconds", "node_disk_reads_merged",
                                 "node_disk_writes_merged",      "node_disk_discards_completed"};
    for (const char *metric : diskMetrics) {
        family(openMetrics ? std::string(metric) : std::string(metric) + "_total", "counter",
               "Disk statistic.");
        for (const char *d : disks)
            sample(std::string(metric) + "_total{device=\"" + d + "\"} " + std::to_string(1.5e6 + d[0]));
    }

    // Many single-series gauges (node_memory_*, like /proc/meminfo).
    for (int i = 0; i < 150; ++i) {
        const std::string name = "node_memory_Field" + std::to_string(i) + "_bytes";
        family(name, "gauge", "Memory information field.");
        sample(name + " " + std::to_string(1024.0 * 1024 * (i + 1)));
    }

    // Interrupt-like counters: many label values under one family.
    family(openMetrics ? "node_interrupts" : "node_interrupts_total", "counter", "Interrupt details.");
    for (int irq = 0; irq < 120; ++irq)
        for (int c = 0; c < cpus; ++c)
            sample(std::string("node_interrupts_total{cpu=\"") + std::to_string(c) + "\",devices=\"dev" +
                   std::to_string(irq) + "\",info=\"IO-APIC " + std::to_string(irq) + "-edge\",type=\"" +
                   std::to_string(irq) + "\"} " + std::to_string(irq * 1000 + c));

    // A summary (go_gc_duration_seconds) and a histogram.
    family("go_gc_duration_seconds", "summary", "A summary of the pause duration of GC cycles.");
    for (const char *q : {"0", "0.25", "0.5", "0.75", "1"})
        sample(std::string("go_gc_duration_seconds{quantile=\"") + q + "\"} 3.1e-05");
    sample("go_gc_duration_seconds_sum 0.123");
    sample("go_gc_duration_seconds_count 4096");

    family("node_scrape_request_duration_seconds", "histogram", "Request latency.");
    const char *les[] = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25",
                         "0.5",   "1",    "2.5",   "5",    "10",  "+Inf"};
    for (const char *handler : {"metrics", "probe", "health"}) {
        int count = 0;
        for (const char *le : les) {
            count += 3;
            sample(std::string("node_scrape_request_duration_seconds_bucket{handler=\"") + handler +
                   "\",le=\"" + le + "\"} " + std::to_string(count));
        }
        sample(std::string("node_scrape_request_duration_seconds_sum{handler=\"") + handler + "\"} 12.5");
        sample(std::string("node_scrape_request_duration_seconds_count{handler=\"") + handler + "\"} " +
               std::to_string(count));
    }

    // Escapes and an info-like gauge.
    family("node_uname_info", "gauge", "Labeled system information as provided by the uname system call.");
    sample(
        "node_uname_info{domainname=\"(none)\",machine=\"x86_64\",nodename=\"host\\\"1\\\"\","
        "release=\"6.1.0-13-amd64\",sysname=\"Linux\",version=\"#1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1\"} 1");
    if (openMetrics) b += "# EOF\n";
    return g;
}

}  // namespace vigil::exposition::testutil
