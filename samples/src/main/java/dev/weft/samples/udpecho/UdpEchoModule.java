package dev.weft.samples.udpecho;

import dagger.Binds;
import dagger.Module;
import dev.weft.udp.DatagramHandler;

/** Makes {@link UdpEchoHandler} the protocol of the UDP echo server. */
@Module
interface UdpEchoModule {
    @Binds
    DatagramHandler handler(UdpEchoHandler handler);
}
