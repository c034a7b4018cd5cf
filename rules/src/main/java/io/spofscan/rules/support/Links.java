package io.spofscan.rules.support;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Reference;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which resources reference which, within one Terraform module instance (a directory, per module call) or one
 * CloudFormation template: the references a child writes to its parent ({@code file_system_id =
 * aws_efs_file_system.data.id}, {@code FileSystemId: !Ref Data}).
 */
public final class Links {
  private Links() {}

  /** The resources among {@code candidates} that reference {@code target} (declared in the same scope). */
  public static List<Resource> referencing(Resource target, Collection<Resource> candidates) {
    String scope = scope(target);
    String local = local(target.address());
    List<Resource> out = new ArrayList<>();
    for (Resource c : candidates) {
      if (c != target && scope.equals(scope(c)) && references(c, local)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Whether {@code from} references {@code to} (same scope). */
  public static boolean references(Resource from, Resource to) {
    return scope(from).equals(scope(to)) && references(from, local(to.address()));
  }

  private static boolean references(Resource from, String localTarget) {
    for (Reference ref : from.references()) {
      if (local(ref.target()).equals(localTarget)) {
        return true;
      }
    }
    return false;
  }

  /**
   * "module.db.aws_efs_file_system.data[0]" → "aws_efs_file_system.data": counted resources match their
   * references, and addresses inside a module match the module-local references written there.
   */
  static String local(String address) {
    String local = address;
    while (local.startsWith("module.") && local.indexOf('.', 7) > 0) {
      local = local.substring(local.indexOf('.', 7) + 1);
    }
    int bracket = local.indexOf('[');
    return bracket < 0 ? local : local.substring(0, bracket);
  }

  /** The module instance (Terraform: directory and call chain) or template (CloudFormation: file). */
  public static String scope(Resource r) {
    String path = r.path();
    String where = r.format() == Format.TERRAFORM && path.contains("/") ? path.substring(0, path.lastIndexOf('/'))
        : path;
    StringBuilder key = new StringBuilder(r.format() + "|" + where);
    for (SourceRange call : r.callChain()) {
      key.append('|').append(call);
    }
    return key.toString();
  }
}
