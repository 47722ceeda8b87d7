package dev.weft.redis;

/**
 * The state of the bridge's link to Redis.
 *
 * @param connected       whether every connection of the bridge is up right now
 * @param reconnects      how many times the bridge came back after losing Redis
 * @param commandTimeouts client calls that Redis did not answer within the command timeout
 * @param unverified      client calls answered from local state without asking Redis, because it
 *                        was known to be unreachable or the command queue was full
 * @param instancesReaped lost instances whose members this instance removed and announced
 */
public record LinkCounts(boolean connected, long reconnects, long commandTimeouts, long unverified,
                         long instancesReaped) {
}
