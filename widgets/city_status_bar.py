"""The status bar: city name, record counts, the lon/lat under the mouse, one-off messages.

Coordinates are CGCS2000 (EPSG:4490, the storage CRS), equal to WGS-84 to about a metre, so
one pair serves both; the tooltip gives the GCJ-02 pair web maps of China use.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desktop.domain.coords import wgs84_to_gcj02
from desktop.seat.app_state import AppState


class CityStatusBar(QStatusBar):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cityStatusBar")
        self._state = state
        self.city_label = QLabel(self)
        self.city_label.setObjectName("cityName")
        self.counts_label = QLabel(self)
        self.cursor_label = QLabel(self)
        self.cursor_label.setObjectName("cursorPosition")
        self.crs_label = QLabel(self.tr("CGCS2000 / WGS-84"), self)
        self.crs_label.setToolTip(self.tr("CGCS2000 (EPSG:4490) and WGS-84 coordinates agree to about one metre"))
        self.addWidget(self.city_label)
        self.addWidget(self.counts_label, 1)
        self.addPermanentWidget(self.crs_label)
        self.addPermanentWidget(self.cursor_label)
        state.sig_database_changed.connect(self._show_summary)
        state.sig_cursor_moved.connect(self._show_cursor)
        state.sig_status_message.connect(lambda message: self.showMessage(message, 15000))
        self._show_summary()
        self._show_cursor(None, None)

    def _show_summary(self) -> None:
        summary = self._state.summary
        if summary is None:
            self.city_label.setText(self.tr("No city database"))
            self.counts_label.clear()
            return
        self.city_label.setText(summary.city_name or self.tr("Unnamed city"))
        self.counts_label.setText(
            self.tr("Grids {grids:,} · Components {components:,} · Vehicles {vehicles:,} · Cameras {cameras:,}").format(
                grids=summary.grids, components=summary.components, vehicles=summary.vehicles, cameras=summary.cameras
            )
        )

    def _show_cursor(self, lon: float | None, lat: float | None) -> None:
        if lon is None:
            self.cursor_label.setText(self.tr("Lon — Lat —"))
            self.cursor_label.setToolTip("")
        else:
            self.cursor_label.setText(self.tr("Lon {lon:.6f}° Lat {lat:.6f}°").format(lon=lon, lat=lat))
            gcj_lon, gcj_lat = wgs84_to_gcj02(lon, lat)
            self.cursor_label.setToolTip(
                self.tr("GCJ-02 {lon:.6f}°, {lat:.6f}°").format(lon=float(gcj_lon), lat=float(gcj_lat))
            )
