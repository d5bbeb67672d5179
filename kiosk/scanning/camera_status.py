"""What the welcome screen says about the camera, as one enum.

Kept apart from `kiosk.scanning.camera`, which needs Qt Multimedia: a kiosk
without it still says "Camera off".
"""

from __future__ import annotations

import enum


class CameraStatus(enum.StrEnum):
    OFF = "off"  # switched off in the settings
    READY = "ready"
    NO_CAMERA = "no_camera"
    NO_DECODER = "no_decoder"  # camera scanning not installed (zxing-cpp or Qt Multimedia)
    ERROR = "error"
