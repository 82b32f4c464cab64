package io.flops.common.fl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParameterChunksTest {

  @Test
  void tenMillionParametersRoundTripExactlyInChunksOfAtMostFourMebibytes() throws Exception {
    float[] parameters = new float[10_000_000];
    Random random = new Random(42);
    for (int i = 0; i < parameters.length; i++) {
      parameters[i] = Float.intBitsToFloat(random.nextInt());
    }
    parameters[0] = Float.NaN;
    parameters[1] = -0.0f;
    List<ParameterChunk> chunks = new ArrayList<>();

    ParameterChunks.split(7, parameters, ParameterChunks.MAX_CHUNK_BYTES, chunks::add);
    ParameterAssembler assembler = new ParameterAssembler(parameters.length);
    for (ParameterChunk chunk : chunks) {
      // through the wire format, as gRPC would
      assembler.accept(ParameterChunk.parseFrom(chunk.toByteArray()));
    }

    assertThat(chunks).hasSize(10).allSatisfy(c -> assertThat(c.getInstructionId()).isEqualTo(7));
    assertThat(chunks).allSatisfy(c -> assertThat(c.getData().size()).isLessThanOrEqualTo(4 << 20));
    assertThat(assembler.isComplete()).isTrue();
    for (int i = 0; i < parameters.length; i++) {
      if (Float.floatToRawIntBits(assembler.values()[i])
          != Float.floatToRawIntBits(parameters[i])) {
        throw new AssertionError("parameter " + i + " changed in transit");
      }
    }
  }

  @Test
  void bytesAreLittleEndianFloat32() {
    List<ParameterChunk> chunks = new ArrayList<>();

    ParameterChunks.split(1, new float[] {1.0f}, ParameterChunks.DEFAULT_CHUNK_BYTES, chunks::add);

    // 1.0f = 0x3F800000, least significant byte first
    assertThat(chunks.get(0).getData().toByteArray()).containsExactly(0, 0, (byte) 0x80, 0x3F);
  }

  @Test
  void chunksAreViewsOfTheEncodedBufferNotCopies() {
    java.nio.ByteBuffer encoded = ParameterChunks.encode(new float[] {1.0f, 2.0f});

    ParameterChunk chunk =
        ParameterChunks.chunks(3, encoded, ParameterChunks.DEFAULT_CHUNK_BYTES).get(0);
    encoded.putFloat(0, 5.0f);

    assertThat(
            chunk
                .getData()
                .asReadOnlyByteBuffer()
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getFloat(0))
        .isEqualTo(5.0f);
    assertThat(chunk.getOffset()).isZero();
  }

  @Test
  void theWireParsesWhatItWrites() throws Exception {
    AggregatorMessage message =
        AggregatorMessage.newBuilder()
            .setChunk(
                ParameterChunks.chunks(
                        1,
                        ParameterChunks.encode(new float[] {1.5f}),
                        ParameterChunks.DEFAULT_CHUNK_BYTES)
                    .get(0))
            .build();

    AggregatorMessage parsed = FlWire.JOIN.parseResponse(FlWire.JOIN.streamResponse(message));

    assertThat(parsed).isEqualTo(message);
  }

  @Test
  void aChunkWhoseBytesArriveInPiecesSplittingFloatsIsAssembledExactly() {
    float[] values = new float[2000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * 0.25f - 7;
    }
    byte[] bytes = ParameterChunks.encode(values).array();
    List<ByteString> pieces = new ArrayList<>();
    for (int start = 0; start < bytes.length; start += 1001) {
      pieces.add(ByteString.copyFrom(bytes, start, Math.min(1001, bytes.length - start)));
    }
    ByteString rope = ByteString.copyFrom(pieces);
    assertThat(rope.asReadOnlyByteBufferList()).hasSizeGreaterThan(1);

    ParameterAssembler assembler = new ParameterAssembler(values.length);
    assembler.accept(ParameterChunk.newBuilder().setInstructionId(1).setData(rope).build());

    assertThat(assembler.isComplete()).isTrue();
    assertThat(assembler.values()).containsExactly(values);
  }

  @Test
  void refusesChunkSizesOutsideOneToFourMebibytes() {
    assertThatThrownBy(() -> ParameterChunks.split(1, new float[1], 1024, c -> {}))
        .hasMessage("Parameter chunk size must be between 1 and 4 MiB, was 1024 bytes");
  }

  @Test
  void refusesAChunkReachingPastTheAnnouncedLength() {
    ParameterAssembler assembler = new ParameterAssembler(1);
    ParameterChunk chunk =
        ParameterChunk.newBuilder().setOffset(0).setData(ByteString.copyFrom(new byte[8])).build();

    assertThatThrownBy(() -> assembler.accept(chunk))
        .hasMessage("Parameter chunk at 0 with 2 values reaches past the 1 announced");
  }
}
