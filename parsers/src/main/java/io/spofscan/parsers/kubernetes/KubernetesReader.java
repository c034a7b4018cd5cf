package io.spofscan.parsers.kubernetes;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.parsers.yaml.ParsedDocuments;
import io.spofscan.parsers.yaml.ParsedDocuments.Note;
import io.spofscan.parsers.yaml.ParsedDocuments.NoteKind;
import java.util.List;
import java.util.Set;

/**
 * Kubernetes objects from a parsed YAML/JSON stream: one {@link Resource} per object, {@code kind: List} (and
 * {@code *List}) items expanded, documents that are not objects skipped. Type is {@code apiVersion kind}, address
 * {@code Kind/namespace/name} ({@code Kind/name} for cluster-scoped kinds), range the object's first key.
 */
public final class KubernetesReader {
  /** Kinds that live outside namespaces (built-in and common add-ons). */
  static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume", "StorageClass",
      "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding", "IngressClass", "ClusterIssuer",
      "PriorityClass", "RuntimeClass", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
      "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy",
      "MutatingAdmissionPolicyBinding", "APIService", "CSIDriver", "CSINode", "VolumeAttachment",
      "PodSecurityPolicy", "ComponentStatus", "CertificateSigningRequest", "FlowSchema",
      "PriorityLevelConfiguration", "GatewayClass", "ClusterSecretStore", "ClusterPolicy", "VolumeSnapshotClass",
      "VolumeSnapshotContent", "ClusterTriggerBinding", "ClusterTask", "ClusterRoleTemplate",
      "ClusterServiceVersion", "ResourceClass", "DeviceClass", "IPAddress", "ServiceCIDR", "StorageVersionMigration");

  private final String defaultNamespace;

  public KubernetesReader(String defaultNamespace) {
    this.defaultNamespace = defaultNamespace;
  }

  /** True for a document that is a Kubernetes object: a mapping with string {@code apiVersion} and {@code kind}. */
  public static boolean isObject(Value doc) {
    return doc instanceof Value.MapValue m && text(m.get("apiVersion")) != null && text(m.get("kind")) != null;
  }

  public void read(ParsedDocuments parsed, List<Resource> out, List<Diagnostic> diagnostics) {
    for (ParsedDocuments.Document doc : parsed.documents()) {
      if (isObject(doc.root())) {
        object((Value.MapValue) doc.root(), doc.start(), out);
      }
    }
    for (Note note : parsed.notes()) {
      if (note.kind() == NoteKind.DUPLICATE_KEY) {
        diagnostics.add(Diagnostic.warning(note.at(),
            "duplicate key '" + note.detail() + "': the last value is used, as kubectl does"));
      } else if (note.kind() == NoteKind.COMPLEX_KEY) {
        diagnostics.add(Diagnostic.error(note.at(), note.detail().equals("{{")
            ? "unrendered template expression {{ ... }}: render the template and scan the result"
            : "a mapping key must be a string in Kubernetes objects"));
      }
    }
  }

  /** One object (not a List) as a resource: what a manifest document or a Terraform-declared object becomes. */
  public Resource resource(Value.MapValue obj, SourceRange start) {
    String kind = text(obj.get("kind"));
    return Resource.of(Format.KUBERNETES, text(obj.get("apiVersion")) + " " + kind, address(obj, kind), start, obj,
        List.of());
  }

  private void object(Value.MapValue obj, SourceRange start, List<Resource> out) {
    String kind = text(obj.get("kind"));
    Value items = obj.get("items");
    if (kind.endsWith("List") && items instanceof Value.ListValue list) {
      for (Value item : list.items()) {
        if (isObject(item)) {
          object((Value.MapValue) item, item.location().orElse(start), out);
        }
      }
      return;
    }
    out.add(resource(obj, start));
  }

  private String address(Value.MapValue obj, String kind) {
    Value metadata = obj.get("metadata");
    String name = text(metadata.get("name"));
    if (name == null) {
      String generate = text(metadata.get("generateName"));
      name = generate != null ? generate + "*" : "(unnamed)";
    }
    if (CLUSTER_SCOPED.contains(kind)) {
      return kind + "/" + name;
    }
    String namespace = text(metadata.get("namespace"));
    return kind + "/" + (namespace == null || namespace.isBlank() ? defaultNamespace : namespace) + "/" + name;
  }

  private static String text(Value v) {
    return v instanceof Value.Scalar s && s.value() != null ? v.asString().orElse(null) : null;
  }
}
