package dev.newsmon.problem;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.http.MockHttpInputMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bodies that the strict converter refuses, and the problem each gets: the field at fault
 * and what it must be, and nothing of the body itself.
 */
class UnreadableJsonTests {

	private final JacksonJsonHttpMessageConverter converter = StrictJson.converter(JsonMapper.builder().build());

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
					unknown field           | {"url":"u","admin":true}                  | unknown field 'admin'                                  | admin
					unknown nested field    | {"channel":{"type":"t","secret":"s"}}     | unknown field 'channel.secret'                         | channel.secret
					string as array         | {"url":["u"]}                             | field 'url' must be a string                           | url
					string as object        | {"url":{"a":1}}                           | field 'url' must be a string                           | url
					number as text          | {"intervalSeconds":"soon"}                | field 'intervalSeconds' must be a whole number in range | intervalSeconds
					number beyond long      | {"intervalSeconds":99999999999999999999999} | field 'intervalSeconds' must be a whole number in range | intervalSeconds
					number 1e308            | {"intervalSeconds":1e308}                 | field 'intervalSeconds' must be a whole number in range | intervalSeconds
					boolean as text         | {"fullText":"maybe"}                      | field 'fullText' must be true or false                  | fullText
					array as text           | {"tags":"a"}                              | field 'tags' must be an array                          | tags
					array element as object | {"tags":["a",{}]}                         | field 'tags[1]' must be a string                       | tags[1]
					object as text          | {"channel":"webhook"}                     | field 'channel' must be an object                      | channel
					malformed               | {"url":                                   | the body is not valid JSON (line 1, column 8)          | -
					not JSON                | url=u                                     | the body is not valid JSON (line 1, column 1)          | -
					array body              | []                                        | the body must be a single JSON object                  | -
					text body               | "u"                                       | the body must be a single JSON object                  | -
					trailing content        | {"url":"u"} {}                            | the body must be a single JSON object                  | -
					empty                   | ''                                        | the body must be a single JSON object                  | -
					""")
	void namesTheFieldAndWhatItMustBe(String name, String body, String detail, String field) {
		ProblemDetail problem = problem(body);
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getTitle()).isEqualTo("Invalid request body");
		assertThat(problem.getDetail()).isEqualTo(detail);
		assertThat((problem.getProperties() != null) ? problem.getProperties().get("field") : null).isEqualTo(field);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			long unknown field | {"NAME":1}
			long nested field  | {"channel":{"NAME":1}}
			long value         | {"url":"VALUE"
			""")
	void neverEchoesMuchOfTheBody(String name, String template) {
		String body = template.replace("NAME", "n".repeat(50_000)).replace("VALUE", "v".repeat(1_000_000));
		ProblemDetail problem = problem(body);
		assertThat(problem.getDetail()).hasSizeLessThan(200).doesNotContain("v".repeat(20));
		assertThat(problem.getStatus()).isEqualTo(400);
	}

	private ProblemDetail problem(String body) {
		MockHttpInputMessage message = new MockHttpInputMessage(body.getBytes(StandardCharsets.UTF_8));
		message.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		HttpMessageNotReadableException ex = catchThrowableOfType(HttpMessageNotReadableException.class,
				() -> this.converter.read(Sample.class, message));
		assertThat(ex).as("refused: %s", body).isNotNull();
		return UnreadableJson.problem(ex);
	}

	record Sample(String url, Integer intervalSeconds, Boolean fullText, List<String> tags, Channel channel) {

	}

	record Channel(String type, String url) {

	}

}
