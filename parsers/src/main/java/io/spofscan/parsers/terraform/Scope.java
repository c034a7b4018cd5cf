package io.spofscan.parsers.terraform;

import io.spofscan.core.model.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Names visible to an expression: the module's variables and locals, plus count/each/for/iterator bindings. */
record Scope(Names names, Map<String, Value> bindings) {

  /** What a module defines. */
  interface Names {
    /** The value of var.NAME, or null when no such variable is declared. */
    Value variable(String name);

    /** The value of local.NAME, or null when no such local is declared. */
    Value local(String name, Evaluator evaluator) throws Values.EvalError;

    /** path.module as shown to users. */
    String modulePath();

    /** The text of {@code file(path)} when it names a readable text file inside the scan root, else empty. */
    default Optional<String> readFile(String path) {
      return Optional.empty();
    }

    /** The value of module.NAME.OUTPUT when the scan can follow it, else null. */
    default Value moduleOutput(String module, String output, Evaluator evaluator) {
      return null;
    }

    /**
     * Why module.NAME.OUTPUT cannot be followed, naming the real cause (a registry module the scan does not read,
     * a call with count or for_each, ...), or null when it is simply computed at apply time.
     */
    default String whyModuleOutputUnknown(String module, String output) {
      return null;
    }
  }

  Scope {
    bindings = Map.copyOf(bindings);
  }

  static Scope of(Names names) {
    return new Scope(names, Map.of());
  }

  Scope with(String name, Value value) {
    Map<String, Value> copy = new HashMap<>(bindings);
    copy.put(name, value);
    return new Scope(names, copy);
  }
}
