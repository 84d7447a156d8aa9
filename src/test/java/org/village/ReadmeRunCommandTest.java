package org.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's run command is what a newcomer's first visit weighs (issue 8 item 11, decision 038): it must
 * run the `bundled` profile, and that profile must build the frontend bundle before spring-boot:run starts
 * (which stops at test-compile), or Vaadin falls back to development mode and a first visit is 1.3 MB.
 */
class ReadmeRunCommandTest {

    @Test
    void theReadmeRunCommandServesTheOptimisedBundle() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String runSection = readme.substring(readme.indexOf("## Run it"), readme.indexOf("## Test it"));
        var command = Pattern.compile("```bash\\n(.*?)\\n```", Pattern.DOTALL).matcher(runSection);
        assertThat(command.find()).as("a run command in the README").isTrue();
        assertThat(command.group(1)).contains("-Pbundled").contains("spring-boot:run");
    }

    @Test
    void theBundledProfileBuildsTheFrontendBeforeTheRunStarts() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        int profile = pom.indexOf("<id>bundled</id>");
        assertThat(profile).as("the bundled profile").isPositive();
        String body = pom.substring(profile, pom.indexOf("</profile>", profile));
        assertThat(body).contains("<goal>build-frontend</goal>");
        // process-classes comes before test-compile, where spring-boot:run's forked build stops
        assertThat(body).contains("<phase>process-classes</phase>");
    }
}
