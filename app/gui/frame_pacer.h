#pragma once
// Frames as often as the GUI thread can afford. With 64 mutex workers one frame of the window
// (drain, models, replots, paint) costs ~16 ms of the GUI thread's CPU: at 30 frames a second
// that was two thirds of a core taken from the workers it shows. The pacer measures the thread's
// whole CPU time between frames (frames, paints, the controller's polls) against the wall time,
// lengthens the interval while that share is above its target and shortens it back to the
// base rate when it falls: cheap frames stay at 30 per second, costly ones drop towards 4.
// (8 was the floor first: 64 mutex workers' ~37 ms frames then still took 36% of the wall time;
// at 4 a second the progress bars and timeline still move visibly.)
class FramePacer {
  public:
    static constexpr int kMaxIntervalMs = 250;   // 4 frames a second: still live
    static constexpr double kTargetShare = 0.20; // of wall time, all of the thread's CPU

    explicit FramePacer(int baseMs) : m_baseMs(baseMs), m_intervalMs(baseMs) {}
    // At each frame: the interval to the next one.
    int tick();
    // Back to the base rate, forgetting the measurement (a run starts or ends).
    void reset();
    void setBase(int ms); // a sweep's 4 Hz
    int intervalMs() const { return m_intervalMs; }

  private:
    int m_baseMs;
    int m_intervalMs;
    double m_lastCpuNs = -1, m_lastWallNs = 0;
};
