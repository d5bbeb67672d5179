"""The camera path: frames from pictures of codes through QVideoSink, decoded off the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

pytest.importorskip("PySide6.QtMultimedia", reason="Qt Multimedia needs Debian's libpulse0 to load")
pytest.importorskip("zxingcpp", reason="camera decoding needs the zxing-cpp package")

from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QMediaDevices, QVideoFrame

from kiosk.scanning import synthetic
from kiosk.scanning.camera import CameraScanner
from kiosk.scanning.camera_status import CameraStatus
from kiosk.scanning.repeats import RepeatFilter

CODE = "K7QJ4MXR9TCVH3WAE6NPDFYU"


@pytest.fixture
def camera(qapp) -> Iterator[CameraScanner]:  # type: ignore[no-untyped-def]
    scanner = CameraScanner(repeat_seconds=4)
    yield scanner
    scanner.stop()


def feed(camera: CameraScanner, image: QImage) -> None:
    """Exactly what a camera does: a frame arrives in the sink."""
    camera.sink.setVideoFrame(QVideoFrame(image))


@pytest.mark.parametrize(
    "make",
    [
        synthetic.small_code,
        synthetic.rotated_code,
        synthetic.low_contrast_code,
        synthetic.phone_photo,
    ],
    ids=["small", "rotated", "low-contrast", "phone-screen-photo"],
)
def test_codes_in_camera_frames_are_decoded(qtbot, camera: CameraScanner, make):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(camera.scanned, timeout=5000) as blocker:
        feed(camera, make(CODE))
    assert blocker.args == [CODE]


def test_decoding_runs_on_a_worker_thread(qtbot, qapp, camera: CameraScanner):  # type: ignore[no-untyped-def]
    assert camera.decoder.thread() is not qapp.thread()
    with qtbot.waitSignal(camera.scanned, timeout=5000):
        feed(camera, synthetic.rotated_code(CODE))
    assert camera.decoder.worker_thread_id is not None
    assert camera.decoder.worker_thread_id != threading.get_ident()


def test_the_same_code_seen_again_soon_is_ignored(qtbot, camera: CameraScanner):  # type: ignore[no-untyped-def]
    seen: list[str] = []
    camera.scanned.connect(seen.append)
    frame = synthetic.low_contrast_code(CODE)
    for _ in range(3):
        before = camera.decoder.decodes
        feed(camera, frame)
        qtbot.waitUntil(lambda b=before: camera.decoder.decodes > b, timeout=5000)
    with qtbot.waitSignal(camera.scanned, timeout=5000):
        feed(camera, synthetic.low_contrast_code("ANOTHER-TICKET-3"))
    assert seen == [CODE, "ANOTHER-TICKET-3"]


def test_frames_without_a_code_emit_nothing(qtbot, camera: CameraScanner):  # type: ignore[no-untyped-def]
    seen: list[str] = []
    camera.scanned.connect(seen.append)
    feed(camera, synthetic.empty_frame())
    qtbot.waitUntil(lambda: camera.decoder.decodes == 1, timeout=5000)
    assert seen == []


def test_repeat_filter_lets_a_code_through_again_after_the_quiet_time():
    now = [0.0]
    repeats = RepeatFilter(3.0, clock=lambda: now[0])
    assert repeats.accept("A")
    now[0] = 2.0
    assert not repeats.accept("A")  # still in view
    now[0] = 4.5
    assert not repeats.accept("A")  # seen at 2.0, so 2.5 s ago
    now[0] = 8.0
    assert repeats.accept("A")


def test_without_a_camera_the_status_says_so(camera: CameraScanner):
    if QMediaDevices.videoInputs():
        pytest.skip("this machine has a camera")
    said: list[object] = []
    camera.status_changed.connect(said.append)
    assert camera.start_camera() is CameraStatus.NO_CAMERA
    assert camera.status is CameraStatus.NO_CAMERA
    assert said == [CameraStatus.NO_CAMERA] and type(said[0]) is CameraStatus
