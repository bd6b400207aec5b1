package org.botarena.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The instance's own CPU use, which the base metrics lack (they have the machine's load only): what
 * the benchmarks and an operator sizing the cluster need per instance.
 */
@ApplicationScoped
public class ProcessMetrics {

  @Inject MetricRegistry metrics;

  void startup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      metrics.gauge(
          Metadata.builder()
              .withName("arena.process.cpu.load")
              .withDescription("this JVM's share of all the machine's CPUs, 0 to 1")
              .build(),
          os,
          com.sun.management.OperatingSystemMXBean::getProcessCpuLoad);
    }
  }
}
