package io.spofscan.rules.azure;

import io.spofscan.core.model.Reference;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import java.util.ArrayList;
import java.util.List;

/** The resource types referenced inside one attribute's expression (same file, on the attribute's lines). */
final class WrittenReferences {
  private WrittenReferences() {}

  static List<String> types(Resource r, Value attribute) {
    List<String> out = new ArrayList<>();
    SourceRange at = attribute.location().orElse(null);
    if (at == null) {
      return out;
    }
    int end = at.hasEnd() ? at.endLine() : at.line();
    for (Reference ref : r.references()) {
      SourceRange x = ref.range();
      if (x.path().equals(at.path()) && x.line() >= at.line() && x.line() <= end && ref.kind().equals("ref")) {
        String target = ref.target();
        while (target.startsWith("module.") && target.indexOf('.', 7) > 0) {
          target = target.substring(target.indexOf('.', 7) + 1);
        }
        if (target.startsWith("data.")) {
          target = target.substring(5);
        }
        out.add(target.contains(".") ? target.substring(0, target.indexOf('.')) : target);
      }
    }
    return out;
  }
}
