package org.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps feature boundaries honest: no cycles, no reaching into another feature's internals, and each module uses
 * only the modules its {@code package-info} allows ({@code allowedDependencies}). The diagrams in
 * {@code docs/modules/} must match the code; they are written in a stable order (components and relations
 * sorted), so they change only when the structure does. To write them again:
 * {@code ./mvnw -B -o test -Dtest=ModularityTests -Dvillage.modules.write=true}.
 */
class ModularityTests {

    private static final Path DOCS = Path.of("docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void modulesRespectTheirBoundariesAndDeclaredDependencies() {
        modules.verify();
        modules.forEach(module -> {
            var declared = declaration(module.getBasePackage().getName());
            assertThat(declared).as("package-info of module %s has @ApplicationModule", module.getIdentifier())
                    .isNotNull();
            assertThat(declared.allowedDependencies()).as("module %s declares its allowedDependencies",
                    module.getIdentifier()).isNotEqualTo(defaultDependencies());
        });
    }

    private static org.springframework.modulith.ApplicationModule declaration(String basePackage) {
        try {
            return Class.forName(basePackage + ".package-info")
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static String[] defaultDependencies() {
        try {
            return (String[]) org.springframework.modulith.ApplicationModule.class.getMethod("allowedDependencies")
                    .getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theModuleDiagramsAreUpToDate(@TempDir Path fresh) throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(fresh.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        var expected = diagrams(fresh, true);
        if (Boolean.getBoolean("village.modules.write")) {
            Files.createDirectories(DOCS);
            for (var old : diagrams(DOCS, false).keySet()) {
                Files.delete(DOCS.resolve(old));
            }
            for (var e : expected.entrySet()) {
                Files.writeString(DOCS.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
        }
        assertThat(diagrams(DOCS, false))
                .as("docs/modules is out of date: run ./mvnw -B -o test -Dtest=ModularityTests -Dvillage.modules.write=true")
                .isEqualTo(expected);
    }

    /** The .puml files in a folder by name; {@code normalise}: in the stable order they are kept in. */
    private static Map<String, String> diagrams(Path folder, boolean normalise) throws IOException {
        var found = new TreeMap<String, String>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".puml")).forEach(f -> {
                try {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    found.put(f.getFileName().toString(), normalise ? stable(text) : text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return found;
    }

    /** Sorts each run of neighbouring lines of the same kind (components, relations), which may come in any order. */
    static String stable(String puml) {
        var out = new ArrayList<String>();
        var run = new ArrayList<String>();
        String runKind = null;
        for (String line : puml.split("\n", -1)) {
            String kind = kind(line);
            if (kind == null || !kind.equals(runKind)) {
                flush(run, out);
            }
            if (kind == null) {
                out.add(line);
            } else {
                run.add(line);
            }
            runKind = kind;
        }
        flush(run, out);
        return String.join("\n", out);
    }

    private static String kind(String line) {
        String t = line.strip();
        for (String k : List.of("Component(", "Rel(", "Container(", "Person(")) {
            if (t.startsWith(k)) {
                return line.substring(0, line.indexOf(k)) + k;
            }
        }
        return null;
    }

    private static void flush(List<String> run, List<String> out) {
        run.sort(null);
        out.addAll(run);
        run.clear();
    }
}
