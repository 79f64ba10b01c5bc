package org.syncbridge.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** One JAX-RS application at the root: /Microsoft-Server-ActiveSync, /usm-json, /api. */
@ApplicationPath("/")
public class SyncbridgeApplication extends Application {
}
