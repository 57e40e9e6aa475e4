fn main() {
    waypoint::start();
}
