package io.spofscan.rules.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host names in configuration values, in the forms real manifests write them: {@code host:port}
 * ({@code ORDERS_ADDR=orders:8080}), URLs ({@code redis://sessions:6379/0}, {@code https://api.example.com}), JDBC
 * URLs, ADO.NET connection strings ({@code Server=db;Port=5432;}), and a bare host in a variable whose name says
 * it holds one ({@code DB_HOST=orders-db}).
 */
final class Hosts {
  private Hosts() {}

  private static final String HOST = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*";
  private static final Pattern URL = Pattern.compile(
      "(?:jdbc:)?[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/\\s]*@)?(" + HOST + ")(?::(\\d{1,5}))?");
  private static final Pattern HOST_PORT = Pattern.compile("^(" + HOST + "):(\\d{1,5})$");
  private static final Pattern CONNECTION_STRING = Pattern.compile(
      "(?i)(?:^|;)\\s*(?:server|host|data source|address|addr)\\s*=\\s*(?:tcp:)?(" + HOST + ")");
  private static final Pattern BARE = Pattern.compile("^(" + HOST + ")$");
  private static final Pattern HOST_VARIABLE = Pattern.compile(
      "(?i).*(_|^)(HOST|HOSTNAME|ADDR|ADDRESS|SERVER|ENDPOINT|SERVICE_HOST|URL|URI|DSN)S?$");

  /** The hosts a value names; {@code name} is the variable or key holding it (may be empty). */
  static List<String> in(String name, String value) {
    List<String> out = new ArrayList<>();
    String v = value.trim();
    if (v.isEmpty() || v.length() > 2000) {
      return out;
    }
    if (v.contains("://")) { // the cheap test first: most values are no URL, and the scan is per env value
      Matcher url = URL.matcher(v);
      while (url.find()) {
        add(out, url.group(1));
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    for (String part : v.indexOf(':') < 0 ? new String[0] : v.split("[,\\s]+")) {
      Matcher hp = HOST_PORT.matcher(part);
      if (hp.matches()) {
        add(out, hp.group(1));
      }
    }
    if (v.indexOf('=') >= 0) {
      Matcher cs = CONNECTION_STRING.matcher(v);
      while (cs.find()) {
        add(out, cs.group(1));
      }
    }
    if (out.isEmpty() && HOST_VARIABLE.matcher(name).matches() && BARE.matcher(v).matches()
        && v.chars().anyMatch(Character::isLetter)) {
      add(out, v);
    }
    return out;
  }

  private static void add(List<String> out, String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.matches("[0-9.]+") || h.equals("true") || h.equals("false")
        || !h.chars().anyMatch(Character::isLetter) || out.contains(h)) {
      return;
    }
    out.add(h);
  }

  /**
   * The Kubernetes Service a host names, as {@code namespace/name}, when it is a cluster DNS name: {@code svc},
   * {@code svc.ns}, {@code svc.ns.svc}, {@code svc.ns.svc.cluster.local}; empty for any other host.
   */
  static java.util.Optional<String> serviceOf(String host, String namespace) {
    String[] labels = host.split("\\.");
    if (labels.length == 1) {
      return java.util.Optional.of(namespace + "/" + labels[0]);
    }
    if (labels.length == 2 && !looksLikePublicSuffix(labels[1])) {
      return java.util.Optional.of(labels[1] + "/" + labels[0]);
    }
    if (labels.length >= 3 && labels[2].equals("svc")
        && (labels.length == 3 || host.endsWith(".svc.cluster.local") && labels.length == 5)) {
      return java.util.Optional.of(labels[1] + "/" + labels[0]);
    }
    return java.util.Optional.empty();
  }

  /** "orders.com" is a public name, "orders.shop" a Service in namespace shop: the common top-level domains. */
  private static boolean looksLikePublicSuffix(String label) {
    return List.of("com", "net", "org", "io", "dev", "app", "cloud", "co", "ai", "us", "eu", "de", "uk", "local",
        "internal", "amazonaws", "azure", "gov", "edu").contains(label);
  }
}
