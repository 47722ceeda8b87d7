package dev.weft.core;

import java.net.InetSocketAddress;

/** {@link ConnectionAdmission#admitAll()}. */
enum AdmitAll implements ConnectionAdmission {
    INSTANCE;

    @Override
    public boolean admit(InetSocketAddress remote) {
        return true;
    }

    @Override
    public void release(InetSocketAddress remote) {
        // Nothing is tracked.
    }

    @Override
    public String toString() {
        return "admit all";
    }
}
