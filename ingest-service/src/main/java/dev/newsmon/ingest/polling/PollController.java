package dev.newsmon.ingest.polling;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Polls a feed on request and answers with what the poll did.
 */
@RestController
class PollController {

	private final FeedPoller poller;

	PollController(FeedPoller poller) {
		this.poller = poller;
	}

	@PostMapping("/api/feeds/{id}/poll")
	PollOutcome poll(@PathVariable String id) {
		return this.poller.pollNow(id).orElseThrow(() -> {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"no feed with id '" + id + "'");
			problem.setTitle("Feed not found");
			return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
		});
	}

}
