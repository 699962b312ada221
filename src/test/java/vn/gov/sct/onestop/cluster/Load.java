package vn.gov.sct.onestop.cluster;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applicants and clerks at work while a fault happens: each worker submits a dossier online and then moves it
 * through every step of its lifecycle over HTTP, dossier after dossier, until stopped.
 */
final class Load {

  private final Office office;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger numbers = new AtomicInteger();
  final Set<String> submitted = ConcurrentHashMap.newKeySet();
  final Set<String> finished = ConcurrentHashMap.newKeySet();
  final List<String> failures = new CopyOnWriteArrayList<>();
  final AtomicInteger unacknowledged = new AtomicInteger();
  private final List<Thread> workers = new CopyOnWriteArrayList<>();

  Load(Office office, int threads) {
    this.office = office;
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(this::work, "load-" + t);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
  }

  private void work() {
    while (running.get()) {
      int i = numbers.incrementAndGet();
      try {
        String code = office.submit(i);
        if (code == null) {
          unacknowledged.incrementAndGet();
          continue;
        }
        submitted.add(code);
        if (office.drive(code)) {
          finished.add(code);
        } else {
          failures.add(code + ": a step could not be completed");
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        failures.add("dossier " + i + ": " + e);
      }
    }
  }

  /** Stops starting new dossiers and waits for the ones in progress to reach their end. */
  void stop() throws InterruptedException {
    running.set(false);
    for (Thread worker : workers) {
      worker.join(180_000);
    }
  }

  int attempted() {
    return numbers.get();
  }
}
