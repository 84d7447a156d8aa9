package org.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Browserless view tests start a Spring context of their own and, through Spring Security's test support, change
 * where the signed-in person is kept. Run among the integration tests (one JVM, one shared context), every later
 * service test then found nobody signed in. So they are {@code *Test}s, run by Surefire in their own JVM.
 */
class TestKindsTest {

    @Test
    void browserlessViewTestsAreNeverIntegrationTests() throws IOException {
        List<String> wrong;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            wrong = files.filter(f -> f.toString().endsWith("IT.java")).filter(f -> {
                try {
                    return Files.readString(f).contains("extends SpringBrowserlessTest");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
        }
        assertThat(wrong).as("rename these to *Test").isEmpty();
    }

    /** A browserless test on a real server (RANDOM_PORT) left every later browserless test with nobody signed in. */
    @Test
    void browserlessViewTestsUseTheMockWebEnvironment() throws IOException {
        List<String> wrong;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            wrong = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    String text = Files.readString(f);
                    return !f.endsWith("TestKindsTest.java") && text.contains("extends SpringBrowserlessTest")
                            && text.contains("WebEnvironment.RANDOM_PORT");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
        }
        assertThat(wrong).as("browserless tests with their own web environment").isEmpty();
    }
}
