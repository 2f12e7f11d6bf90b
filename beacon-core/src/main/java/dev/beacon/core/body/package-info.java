/**
 * The body: the accepted media types ({@code AcceptedMediaTypes}, {@code 415} with {@code Accept-Post}), reading it
 * within the size limit ({@link dev.beacon.core.body.BodyBuffer}, {@code 413}, counted while reading), content codings
 * ({@code ContentDecoding}), JSON syntax checked without building a tree ({@code JsonSyntax}), and the
 * {@link dev.beacon.Beacon} made of it, bound to the classes observed at its endpoint
 * ({@link dev.beacon.core.body.BeaconParser}).
 */
package dev.beacon.core.body;
