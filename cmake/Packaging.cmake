# The Debian package (CPack DEB generator): `packaging/dev.sh package`, or `cpack -G DEB` in the build
# directory, writes vigil_<version>_<arch>.deb from the install rules (app/, packaging/).
# Runtime libraries are found by dpkg-shlibdeps; plugins Qt loads at run time are declared by hand.

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME vigil)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Vigil developers")
set(CPACK_PACKAGE_CONTACT "${VIGIL_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "monitoring console with a built-in Prometheus-compatible engine")
# The extended description (CPack puts the summary above it as the synopsis).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Vigil watches the machines and services on an operator's workstation: add
targets, watch live graphs, write PromQL and get tiered desktop alerts, with
no server to set up.

Its engine scrapes Prometheus and OpenMetrics targets, stores samples in a
local time-series database and answers the Prometheus HTTP API. The same
engine runs without a display as a systemd user service (vigil --headless).
The user interface is in English and Korean.")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${VIGIL_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# procps: /bin/kill, the user unit's ExecReload.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "procps")
# Nothing else Vigil needs is loaded only as a plugin: app.db uses libsqlite3 directly, and the X11 platform
# plugin and the input-method plugins (ibus, for Korean input) come with libqt6gui6, which shlibdeps finds.
# Korean glyphs, Qt's own Korean strings, Wayland sessions, and the exporter the default configuration
# looks for.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n, qt6-wayland, prometheus-node-exporter")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "prometheus-alertmanager")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
