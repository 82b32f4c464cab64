package io.flops.aggregator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UpdateMemoryTest {

  @Test
  void anUpdateThatDoesNotFitWaitsUntilMemoryIsGivenBack() throws Exception {
    UpdateMemory memory = new UpdateMemory(100);
    CountDownLatch granted = new CountDownLatch(1);

    assertThat(memory.tryAcquire(60, () -> {})).isTrue();
    assertThat(memory.tryAcquire(60, granted::countDown)).isFalse();
    assertThat(granted.getCount()).isOne();
    memory.release(60);

    assertThat(granted.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(memory.peak()).isEqualTo(60);
  }

  @Test
  void oneUpdateAlwaysFitsSoARoundNeverStalls() {
    UpdateMemory memory = new UpdateMemory(10);

    assertThat(memory.tryAcquire(1_000, () -> {})).isTrue();
    assertThat(memory.peak()).isEqualTo(1_000);
  }

  @Test
  void aCancelledWaiterIsNeverResumed() throws Exception {
    UpdateMemory memory = new UpdateMemory(10);
    CountDownLatch granted = new CountDownLatch(1);
    Runnable waiter = granted::countDown;
    memory.tryAcquire(10, () -> {});
    memory.tryAcquire(10, waiter);

    assertThat(memory.cancel(waiter)).isTrue();
    memory.release(10);

    assertThat(granted.await(200, TimeUnit.MILLISECONDS)).isFalse();
  }
}
