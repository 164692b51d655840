"""The 轨迹回放 panel: pick a vehicle and a time range, query, then play, scrub and jump to stops."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from desktop.cases.calendar import LOCAL_TZ
from desktop.seat.app_state import AppState
from desktop.vehicles.tracks import fix_span, latest_fix_time, load_track, vehicles
from layers.vehicles.track_playback import SPEEDS, TrackPlayback
from widgets.vehicles.track_overlay import TrackOverlay

DEFAULT_RANGE = timedelta(hours=2)
STOP_VIEW_DEG = 0.004  # the map shows about 400 m around a stop picked from the list
MIN_VIEW_DEG = 0.002
QT_LOCAL_TZ = QTimeZone.fromSecondsAheadOfUtc(int(LOCAL_TZ.utcoffset(None).total_seconds()))


def local_text(epoch: float, pattern: str = "%Y-%m-%d %H:%M:%S") -> str:
    return datetime.fromtimestamp(epoch, LOCAL_TZ).strftime(pattern)


def _padded(bbox, margin: float) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = bbox
    pad_x, pad_y = max(margin, (x1 - x0) * 0.1), max(margin, (y1 - y0) * 0.1)
    return x0 - pad_x, y0 - pad_y, x1 + pad_x, y1 + pad_y


class TrackReplayPanel(QWidget):
    """Drives a :class:`TrackPlayback`; its :class:`TrackOverlay` is on the canvas while a track is
    loaded and the panel is shown (:meth:`set_shown`)."""

    def __init__(self, state: AppState, canvas, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trackReplayPanel")
        self.state, self.canvas = state, canvas
        self.playback = TrackPlayback(self)
        self.overlay = TrackOverlay(self.playback)
        self._shown = True

        self.vehicle = QComboBox(editable=True, objectName="replayVehicle")
        self.vehicle.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.vehicle.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.vehicle.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.vehicle.lineEdit().setPlaceholderText(self.tr("Type a plate to search"))
        self.start_edit, self.end_edit = self._time_edit(), self._time_edit()
        self.query_button = QPushButton(self.tr("Query"), objectName="replayQuery")
        self.message = QLabel(objectName="replayMessage", wordWrap=True)
        self.slider = QSlider(Qt.Orientation.Horizontal, objectName="replaySlider")
        self.play_button = QPushButton(objectName="replayPlay")
        self.speed = QComboBox(objectName="replaySpeed")
        for factor in SPEEDS:
            self.speed.addItem(f"{factor}×", factor)
        self.speed.setCurrentIndex(SPEEDS.index(self.playback.speed))
        self.readouts = {
            key: QLabel("—", objectName=f"replay_{key}") for key in ("time", "speed", "distance", "max_speed", "stops")
        }
        self.stop_list = QListWidget(objectName="replayStops")
        self._layout()

        self.vehicle.currentIndexChanged.connect(self._vehicle_picked)
        self.query_button.clicked.connect(self.query)
        self.slider.valueChanged.connect(self._slider_moved)
        self.play_button.clicked.connect(self.playback.toggle)
        self.speed.currentIndexChanged.connect(lambda i: self.playback.set_speed(self.speed.itemData(i)))
        self.stop_list.itemClicked.connect(self._stop_clicked)
        self.playback.sig_changed.connect(self._refresh)
        state.sig_database_changed.connect(self._database_changed)
        state.sig_selection_changed.connect(self._selection_changed)
        self._database_changed()

    def _time_edit(self) -> QDateTimeEdit:
        edit = QDateTimeEdit(calendarPopup=True)
        edit.setTimeZone(QT_LOCAL_TZ)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        return edit

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Vehicle"), self.vehicle)
        form.addRow(self.tr("From"), self.start_edit)
        form.addRow(self.tr("To"), self.end_edit)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.speed)
        controls.addStretch()
        readouts = QGridLayout()
        names = {
            "time": self.tr("Time"),
            "speed": self.tr("Speed"),
            "distance": self.tr("Mileage"),
            "max_speed": self.tr("Top speed"),
            "stops": self.tr("Stops"),
        }
        for row, (key, name) in enumerate(names.items()):
            readouts.addWidget(QLabel(name), row, 0)
            readouts.addWidget(self.readouts[key], row, 1)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.query_button)
        column.addWidget(self.message)
        column.addWidget(self.slider)
        column.addLayout(controls)
        column.addLayout(readouts)
        column.addWidget(QLabel(self.tr("Stops (click to go there)")))
        column.addWidget(self.stop_list, 1)

    # --- the vehicle and time range ---------------------------------------------------------
    def _database_changed(self) -> None:
        self._show_track(None, "", "")
        self.vehicle.blockSignals(True)
        self.vehicle.clear()
        if self.state.database is not None:
            for vehicle_id, plate, kind in vehicles(self.state.database):
                self.vehicle.addItem(plate, (vehicle_id, kind))
        self.vehicle.setCurrentIndex(-1)
        self.vehicle.blockSignals(False)
        self._selection_changed(self.state.selection)

    def _selection_changed(self, items) -> None:
        chosen = next((key for table, key in items if table == "vehicle"), None)
        row = next((i for i in range(self.vehicle.count()) if self.vehicle.itemData(i)[0] == chosen), -1)
        if row >= 0:
            self.vehicle.setCurrentIndex(row)

    def select_vehicle(self, plate: str) -> None:
        self.vehicle.setCurrentIndex(self.vehicle.findText(plate))

    def _vehicle_picked(self, row: int) -> None:
        if row < 0:
            return
        end = latest_fix_time(self.state.database, self.vehicle.itemData(row)[0]) or datetime.now(UTC)
        self.set_range(end - DEFAULT_RANGE, end)

    def set_range(self, start: datetime, end: datetime) -> None:
        self.start_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp()), QT_LOCAL_TZ))
        self.end_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(end.timestamp()), QT_LOCAL_TZ))

    def _range(self) -> tuple[datetime, datetime]:
        seconds = (self.start_edit.dateTime().toSecsSinceEpoch(), self.end_edit.dateTime().toSecsSinceEpoch())
        return tuple(datetime.fromtimestamp(s, UTC) for s in seconds)

    # --- query ------------------------------------------------------------------------------
    def query(self) -> None:
        row, db = self.vehicle.currentIndex(), self.state.database
        if row < 0 or db is None or self.vehicle.currentText() != self.vehicle.itemText(row):
            self._show_track(None, "", self.tr("Pick a vehicle first."))
            return
        vehicle_id, kind = self.vehicle.itemData(row)
        start, end = self._range()
        track = load_track(db, vehicle_id, start, end)
        if not len(track):
            self._show_track(None, "", self._empty_message(vehicle_id))
            return
        self._show_track(track, kind, "")
        self.state.fly_to(_padded(track.bbox, MIN_VIEW_DEG))

    def _empty_message(self, vehicle_id: int) -> str:
        span = fix_span(self.state.database, vehicle_id)
        if span is None:
            return self.tr("This vehicle has no recorded positions.")
        first, last = (local_text(moment.timestamp(), "%Y-%m-%d %H:%M") for moment in span)
        return self.tr(
            "No track of this vehicle in the chosen time range. Its positions are recorded from {0} to {1}."
        ).format(first, last)

    def _show_track(self, track, kind: str, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.playback.set_track(track, kind)
        self.stop_list.clear()
        if self.playback.track is not None:
            for number, stop in enumerate(self.playback.summary.stops, start=1):
                text = self.tr("{0}. {1}–{2}, {3} min").format(
                    number, local_text(stop.start, "%H:%M"), local_text(stop.end, "%H:%M"), round(stop.duration / 60)
                )
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, stop)
                self.stop_list.addItem(item)
        self._place_overlay()

    def _stop_clicked(self, item: QListWidgetItem) -> None:
        stop = item.data(Qt.ItemDataRole.UserRole)
        self.playback.seek(stop.start)
        half = STOP_VIEW_DEG / 2
        self.state.fly_to((stop.x - half, stop.y - half, stop.x + half, stop.y + half))

    # --- showing ----------------------------------------------------------------------------
    def set_shown(self, shown: bool) -> None:
        """The dock was opened or closed: closing pauses and takes the track off the map."""
        self._shown = shown
        if not shown:
            self.playback.pause()
        self._place_overlay()

    def _place_overlay(self) -> None:
        self.canvas.remove_overlay(self.overlay)
        if self._shown and self.playback.track is not None:
            self.canvas.add_overlay(self.overlay)
        self.canvas.update()

    def _slider_moved(self, value: int) -> None:
        if self.playback.track is not None:
            self.playback.seek(self.playback.track.start + value)

    def _refresh(self) -> None:
        playback, track = self.playback, self.playback.track
        self.play_button.setText(self.tr("Pause") if playback.playing else self.tr("Play"))
        for widget in (self.slider, self.play_button, self.speed):
            widget.setEnabled(track is not None)
        self.slider.blockSignals(True)
        self.slider.setRange(0, int(track.end - track.start) if track else 0)
        self.slider.setValue(int(playback.time - track.start) if track else 0)
        self.slider.blockSignals(False)
        if track is None:
            for label in self.readouts.values():
                label.setText("—")
        else:
            fix, summary = playback.fix(), playback.summary
            self.readouts["time"].setText(local_text(fix.t))
            self.readouts["speed"].setText(self.tr("{0:.1f} km/h").format(fix.speed))
            self.readouts["distance"].setText(
                self.tr("{0:.2f} / {1:.2f} km").format(playback.travelled_m() / 1000, summary.distance_m / 1000)
            )
            self.readouts["max_speed"].setText(self.tr("{0:.1f} km/h").format(summary.max_speed_kmh))
            self.readouts["stops"].setText(self.tr("%n time(s)", "", len(summary.stops)))
        if self._shown and track is not None:
            self.canvas.update()
