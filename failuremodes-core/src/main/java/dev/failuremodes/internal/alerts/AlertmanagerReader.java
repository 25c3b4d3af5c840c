package dev.failuremodes.internal.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failuremodes.alerts.Finding;
import dev.failuremodes.alerts.Format;
import dev.failuremodes.signals.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a Prometheus Alertmanager webhook payload (the JSON Alertmanager posts to a {@code webhook_config} receiver,
 * version 4): each firing alert becomes text to read (its {@code alertname} split into words, its {@code summary},
 * {@code description} and {@code message} annotations, and the feature it names), and a value when the alert carries
 * one as a {@code metric} label with a {@code value} label or annotation (and, when given the same way, its
 * {@code reference} value and the rule's {@code threshold}, which then replaces the catalog's). A resolved alert says nothing is wrong now;
 * alerts that Alertmanager left out ({@code truncatedAlerts}) are listed as unknown, not dropped.
 */
final class AlertmanagerReader implements ReportReader {
  private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|_");
  private static final List<String> FEATURE_LABELS = List.of("feature", "column", "field", "feature_name");

  @Override
  public Format format() {
    return Format.ALERTMANAGER;
  }

  @Override
  public boolean accepts(JsonNode root) {
    return root.isObject() && root.path("alerts").isArray()
        && (root.has("receiver") || root.has("groupKey") || root.has("commonLabels"));
  }

  @Override
  public List<Finding> read(JsonNode root, String source) {
    Nodes n = new Nodes(source);
    if (!root.isObject()) {
      throw n.unexpected("$", "an Alertmanager webhook payload (an object with \"alerts\")", root);
    }
    List<JsonNode> alerts = n.array(root, "$", "alerts");
    JsonNode common = root.path("commonAnnotations");
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < alerts.size(); i++) {
      String path = "$.alerts[" + i + "]";
      JsonNode alert = alerts.get(i);
      if (!alert.isObject()) {
        throw n.unexpected(path, "an alert object", alert);
      }
      JsonNode labels = n.object(alert, path, "labels");
      JsonNode annotations = alert.path("annotations");
      String name = n.text(labels, path + ".labels", "alertname");
      String feature = null;
      for (String label : FEATURE_LABELS) {
        if (labels.hasNonNull(label)) {
          feature = labels.get(label).asText();
          break;
        }
      }
      String status = n.optionalText(alert, path, "status");
      if ("resolved".equals(status)) {
        out.add(Finding.notASignal(Format.ALERTMANAGER, name, feature, "resolved: the condition no longer holds"));
        continue;
      }
      StringBuilder text = new StringBuilder(String.join(" ", CAMEL.split(name)).toLowerCase(java.util.Locale.ROOT));
      for (String field : List.of("summary", "description", "message")) {
        String value = annotations.hasNonNull(field) ? annotations.get(field).asText()
            : common.hasNonNull(field) ? common.get(field).asText() : null;
        if (value != null && !value.isBlank()) {
          text.append(". ").append(value);
        }
      }
      if (feature != null) {
        text.append(". feature ").append(feature);
      }
      String metric = labels.hasNonNull("metric") ? labels.get("metric").asText() : null;
      Double value = number(n, labels, annotations, path, "value");
      if (metric != null && value != null) {
        Observation o = Observation.of(metric, value).source("Alertmanager " + name);
        Double reference = number(n, labels, annotations, path, "reference");
        if (reference != null) {
          o = o.reference(reference);
        }
        Double threshold = number(n, labels, annotations, path, "threshold");
        if (threshold != null) {
          o = o.threshold(threshold);
        }
        out.add(Finding.measured(Format.ALERTMANAGER, name, feature == null ? o : o.feature(feature),
            metric + " = " + value));
      }
      out.add(Finding.text(Format.ALERTMANAGER, name, feature, text.toString(), firstLine(annotations, common)));
    }
    JsonNode truncated = root.get("truncatedAlerts");
    if (truncated != null && truncated.asInt() > 0) {
      out.add(Finding.unknown(Format.ALERTMANAGER, "truncatedAlerts", null, truncated.asInt()
          + " more alerts were left out of the payload by Alertmanager's max_alerts; raise it to see them"));
    }
    return out;
  }

  /** Returns a number from a label, or else from an annotation, of that name; null when neither has it. */
  private static Double number(Nodes n, JsonNode labels, JsonNode annotations, String path, String name) {
    Double value = n.optionalNumber(labels, path + ".labels", name);
    return value != null ? value : n.optionalNumber(annotations, path + ".annotations", name);
  }

  private static String firstLine(JsonNode annotations, JsonNode common) {
    for (JsonNode source : List.of(annotations, common)) {
      for (String field : List.of("summary", "description", "message")) {
        if (source.hasNonNull(field)) {
          return source.get(field).asText();
        }
      }
    }
    return "";
  }
}
