package io.phaseflow.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Sends several requests at the same moment, from as many threads, and collects the
 * answers in the order the calls were made. Bounded: each answer must arrive within a
 * minute.
 */
final class Race {

	private Race() {
	}

	static List<ApiClient.Response> of(int callers, IntFunction<ApiClient.Response> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<ApiClient.Response>> answers = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				int caller = i;
				answers.add(pool.submit(() -> {
					start.await();
					return call.apply(caller);
				}));
			}
			start.countDown();
			List<ApiClient.Response> responses = new ArrayList<>();
			for (Future<ApiClient.Response> answer : answers) {
				responses.add(answer.get(60, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	static long count(List<ApiClient.Response> responses, int status) {
		return responses.stream().filter((response) -> response.status() == status).count();
	}

}
