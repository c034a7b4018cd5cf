package io.spofscan.core.scan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies a function to items on a bounded pool and hands the results over in input order. At most
 * {@code 2 × threads} results wait at once, so memory stays proportional to a few files, not the whole repository,
 * and the output is the same whatever the thread count.
 */
public final class OrderedParallel {
  private OrderedParallel() {}

  /** The default pool size: the machine's processors. */
  public static int defaultThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  public static <T, R> void forEach(List<T> items, int threads, Function<T, R> work, Consumer<R> inOrder) {
    if (threads <= 1 || items.size() <= 1) {
      for (T item : items) {
        inOrder.accept(work.apply(item));
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "spofscan-parse");
      t.setDaemon(true);
      return t;
    });
    try {
      Deque<Future<R>> pending = new ArrayDeque<>();
      int next = 0;
      int window = threads * 2;
      while (next < items.size() || !pending.isEmpty()) {
        while (next < items.size() && pending.size() < window) {
          T item = items.get(next++);
          pending.add(pool.submit(() -> work.apply(item)));
        }
        inOrder.accept(await(pending.removeFirst()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R await(Future<R> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
