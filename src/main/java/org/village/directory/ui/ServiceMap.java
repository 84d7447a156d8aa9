package org.village.directory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.village.directory.Area;
import org.village.directory.ServiceSummary;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leaflet (free, from the npm registry) in a small element of our own: the services on the list that have
 * a location, and the areas they cover. The list stays the main way in; the map only adds to it.
 */
@Tag("village-map")
@NpmPackage(value = "leaflet", version = "1.9.4")
@JsModule("./village-map.js")
@CssImport("leaflet/dist/leaflet.css")
class ServiceMap extends Component {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    ServiceMap(String tileUrl) {
        getElement().setProperty("tileUrl", tileUrl == null ? "" : tileUrl);
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", getTranslation("directory.map.label"));
        addClassName("service-map");
    }

    void show(List<ServiceSummary> services, List<Area> areas) {
        var data = new LinkedHashMap<String, Object>();
        data.put("services", services.stream().filter(s -> s.lat() != null && s.lng() != null)
                .map(s -> Map.of("slug", s.slug(), "name", s.name(), "lat", s.lat(), "lng", s.lng())).toList());
        data.put("areas", areas.stream().map(a -> Map.of("name", a.name(), "polygon", a.polygon())).toList());
        getElement().setProperty("data", JSON.writeValueAsString(data));
    }
}
