// A small Leaflet map for the service directory: service locations as circles and covered areas as
// outlines. Tiles come from a configurable server at run time; when they cannot load, the grey map still
// shows the circles and outlines, and the page keeps its list, which always holds the same services.
import L from 'leaflet';

class VillageMap extends HTMLElement {
  connectedCallback() {
    if (this._map) {
      return;
    }
    this.style.display = 'block';
    this._map = L.map(this, { scrollWheelZoom: false }).setView([51.4545, -2.5879], 11);
    if (this.tileUrl) {
      L.tileLayer(this.tileUrl, {
        maxZoom: 18,
        attribution: '&copy; OpenStreetMap contributors'
      }).addTo(this._map);
    }
    this._layer = L.layerGroup().addTo(this._map);
    this._draw();
    // Vaadin may attach the element before it has its final size
    requestAnimationFrame(() => this._map && this._map.invalidateSize());
  }

  disconnectedCallback() {
    if (this._map) {
      this._map.remove();
      this._map = null;
    }
  }

  set data(json) {
    this._data = json ? JSON.parse(json) : { services: [], areas: [] };
    this._draw();
  }

  _draw() {
    if (!this._map || !this._data) {
      return;
    }
    this._layer.clearLayers();
    for (const area of this._data.areas) {
      L.polygon(area.polygon, { color: '#1f5f4f', weight: 2, fillOpacity: 0.08 })
        .bindTooltip(area.name)
        .addTo(this._layer);
    }
    const points = [];
    for (const s of this._data.services) {
      const link = document.createElement('a');
      link.href = 'services/' + encodeURIComponent(s.slug);
      link.textContent = s.name;
      L.circleMarker([s.lat, s.lng], { radius: 8, color: '#8a2d0a', weight: 2, fillOpacity: 0.7 })
        .bindPopup(link)
        .addTo(this._layer);
      points.push([s.lat, s.lng]);
    }
    if (points.length > 1) {
      this._map.fitBounds(points, { padding: [24, 24], maxZoom: 14 });
    } else if (points.length === 1) {
      this._map.setView(points[0], 14);
    }
  }
}

customElements.define('village-map', VillageMap);
