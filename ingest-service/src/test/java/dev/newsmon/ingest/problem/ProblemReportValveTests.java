package dev.newsmon.ingest.problem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemReportValveTests {

	@TempDir
	Path baseDir;

	@Test
	void requestsThatTomcatRefusesItselfGetAProblem() throws Exception {
		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(this.baseDir.toString());
		tomcat.setPort(0);
		((StandardHost) tomcat.getHost()).setErrorReportValveClass(ProblemReportValve.class.getName());
		Context context = tomcat.addContext("", this.baseDir.toString());
		Tomcat.addServlet(context, "ok", new HttpServlet() {

			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
				response.getWriter().write("ok");
			}

		});
		context.addServletMappingDecoded("/*", "ok");
		tomcat.getConnector();
		tomcat.start();
		try {
			HttpClient http = HttpClient.newHttpClient();
			String base = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
			for (String path : new String[] { "/feeds/a%2fb", "/feeds/%00", "/feeds/%ff%fe", "/feeds/%5c..%5c" }) {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(path).isEqualTo(400);
				assertThat(response.headers().firstValue("Content-Type")).as(path)
					.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
				assertThat(response.body()).as(path)
					.contains("\"status\":400", "\"title\":\"Bad Request\"")
					.doesNotContain("Tomcat");
			}
			HttpResponse<String> fine = http.send(HttpRequest.newBuilder(URI.create(base + "/feeds/a")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(fine.statusCode()).isEqualTo(200);
			assertThat(fine.body()).isEqualTo("ok");
		}
		finally {
			tomcat.stop();
			tomcat.destroy();
		}
	}

}
